package io.opsdoc.core.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link MarkdownDocument} of one file from flexmark's tree in a single pre-order walk.
 * The walk carries the context of each node (inside code, HTML, a heading, a table, a list or
 * quote) down a stack of bits instead of searching the ancestors of every text node, and
 * dispatches on a per-class kind to one small method per kind, so that the JIT compiles small
 * methods once instead of one giant visitor again and again. Text is cut out of the string
 * flexmark parsed where the node covers one contiguous range of it (flexmark's own
 * {@code toString()} copies character by character). One builder per document; not thread-safe.
 */
final class ModelBuilder {
    private final SourceFile source;
    /** The text flexmark parsed: the file text with over-deep nesting cut (same length, same offsets). */
    private final String parsed;
    /**
     * False when the text holds U+0000, which flexmark's sequences read as U+FFFD: then text is
     * always taken from flexmark's sequences, never sliced from {@link #parsed}.
     */
    private final boolean sliceable;
    private final NodeKinds kinds;
    private final List<io.opsdoc.core.markdown.Heading> headings = new ArrayList<>();
    private final List<CodeBlock> codeBlocks = new ArrayList<>();
    private final List<io.opsdoc.core.markdown.Link> links = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<TaskItem> taskItems = new ArrayList<>();
    private final List<ProseSegment> prose = new ArrayList<>();
    private final List<HtmlComment> comments = new ArrayList<>();
    private final Map<String, Integer> slugCounts = new HashMap<>();
    private final Map<String, String> references = new HashMap<>();
    private final List<LinkRef> pendingRefs = new ArrayList<>();
    private Optional<FrontMatter> frontMatter = Optional.empty();
    /** Context bits by depth: {@code contexts[d]} holds the bits of the ancestors of the nodes at depth d. */
    private int[] contexts = new int[32];
    /** Where {@link #climb} arrived; a field so the hot walk allocates nothing per step. */
    private Node nextAfterClimb;

    ModelBuilder(SourceFile source, String parsed, NodeKinds kinds) {
        this.source = source;
        this.parsed = parsed;
        this.sliceable = parsed.indexOf('\0') < 0;
        this.kinds = kinds;
    }

    /** The model of {@code document}; {@code tooDeepLine} as {@link MarkdownDocument#firstTooDeepLine}. */
    MarkdownDocument build(Document document, int tooDeepLine) {
        walk(document);
        resolveReferenceLinks();
        links.sort(Comparator.comparingInt(l -> l.range().start().offset()));
        return new MarkdownDocument(source, headings, sections(), codeBlocks, links, tables, taskItems, prose,
                comments, frontMatter, tooDeepLine);
    }

    /** Pre-order traversal without recursion, so deeply nested input cannot overflow the stack. */
    private void walk(Document root) {
        int depth = 0;
        contexts[0] = 0;
        Node node = root.getFirstChild();
        while (node != null) {
            NodeKinds.Info info = kinds.get(node.getClass());
            info.handler().visit(this, node, contexts[depth]);
            Node child = node.getFirstChild();
            if (child != null) {
                depth = push(depth, info.context());
                node = child;
                continue;
            }
            depth -= climb(node, root);
            node = nextAfterClimb;
        }
    }

    /**
     * The node after {@code leaf} (a node without children) in pre-order below {@code root}, left
     * in {@link #nextAfterClimb} (null at the end); returns how many levels up it lies. Shared by
     * the model walk and {@link #plainText}, which keep their own context stacks.
     */
    private int climb(Node leaf, Node root) {
        Node node = leaf;
        int levels = 0;
        while (node != null && node != root && node.getNext() == null) {
            node = node.getParent();
            levels++;
        }
        nextAfterClimb = node == null || node == root ? null : node.getNext();
        return levels;
    }

    private int push(int depth, int bits) {
        int next = depth + 1;
        if (next == contexts.length) {
            contexts = Arrays.copyOf(contexts, next * 2);
        }
        contexts[next] = contexts[depth] | bits;
        return next;
    }

    /**
     * One handler per node kind. Calling them through one virtual call site keeps the walk small
     * for the JIT: the site sees many handler classes, so each handler is compiled on its own
     * instead of all of them being inlined into one large method that is recompiled whenever a
     * rare node kind first turns up.
     */
    @FunctionalInterface
    interface Handler {
        /** @param context the bits of the node's ancestors */
        void visit(ModelBuilder builder, Node node, int context);

        static Handler of(NodeKinds.Kind kind) {
            return switch (kind) {
                case TEXT -> ModelBuilder::proseText;
                case HEADING -> (builder, node, context) -> builder.heading((com.vladsch.flexmark.ast.Heading) node);
                case FENCED_CODE -> (builder, node, context) -> builder.fenced((FencedCodeBlock) node, context);
                case INDENTED_CODE -> (builder, node, context) -> builder.indented((IndentedCodeBlock) node, context);
                case LINK -> (builder, node, context) -> builder.link((com.vladsch.flexmark.ast.Link) node);
                case IMAGE -> (builder, node, context) -> builder.image((Image) node);
                case LINK_REF -> (builder, node, context) -> builder.pendingRefs.add((LinkRef) node);
                case REFERENCE -> (builder, node, context) -> builder.reference((Reference) node);
                case TABLE -> (builder, node, context) -> builder.table((TableBlock) node);
                case TASK_ITEM -> (builder, node, context) -> builder.taskItem((TaskListItem) node);
                case COMMENT -> (builder, node, context) -> builder.comment(node);
                case HTML_BLOCK -> (builder, node, context) -> builder.htmlBlock(node);
                case FRONT_MATTER -> (builder, node, context) -> builder.frontMatter((YamlFrontMatterBlock) node);
                // Nodes that only matter through their children (code spans and breaks matter to plain text only).
                case CODE_SPAN, SOFT_BREAK, OTHER -> (builder, node, context) -> { };
            };
        }
    }

    /** The characters of {@code chars}; a slice of the parsed string when they are one contiguous range of it. */
    private String string(BasedSequence chars) {
        if (sliceable && chars instanceof SubSequence) {
            return parsed.substring(chars.getStartOffset(), chars.getEndOffset());
        }
        return chars.toString();
    }

    private void append(StringBuilder sb, BasedSequence chars) {
        if (sliceable && chars instanceof SubSequence) {
            sb.append(parsed, chars.getStartOffset(), chars.getEndOffset());
        } else {
            sb.append(chars);
        }
    }

    private Range range(Node node) {
        return source.range(node.getStartOffset(), trimEnd(node.getStartOffset(), node.getEndOffset()));
    }

    /** Node ends include the line terminator; findings should not spill onto the next line. */
    private int trimEnd(int start, int end) {
        String text = source.text();
        int e = Math.min(end, text.length());
        while (e > start && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
            e--;
        }
        return e;
    }

    /** Plain text of inline content: markup dropped, code spans kept. */
    private String plainText(Node root) {
        StringBuilder sb = new StringBuilder();
        // Same walk as above, below root only, carrying just the "no plain text" bit.
        int[] stack = new int[16];
        int depth = 0;
        Node node = root.getFirstChild();
        while (node != null) {
            NodeKinds.Info info = kinds.get(node.getClass());
            switch (info.kind()) {
                case TEXT -> {
                    if ((stack[depth] & NodeKinds.NO_PLAIN_TEXT) == 0) {
                        append(sb, node.getChars());
                    }
                }
                case CODE_SPAN -> append(sb, ((Code) node).getText());
                case SOFT_BREAK -> sb.append(' ');
                default -> {
                    // markup: only its children count
                }
            }
            Node child = node.getFirstChild();
            if (child != null) {
                if (depth + 1 == stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[depth + 1] = stack[depth] | (info.context() & NodeKinds.NO_PLAIN_TEXT);
                depth++;
                node = child;
                continue;
            }
            depth -= climb(node, root);
            node = nextAfterClimb;
        }
        return stripBackslashes(sb).strip();
    }

    private static String stripBackslashes(StringBuilder sb) {
        if (sb.indexOf("\\") < 0) {
            return sb.toString();
        }
        return sb.toString().replace("\\", "");
    }

    private void proseText(Node node, int context) {
        if ((context & NodeKinds.NO_PROSE) != 0) {
            return;
        }
        BasedSequence chars = node.getChars();
        if (chars.isEmpty()) {
            return;
        }
        prose.add(new ProseSegment(chars.getStartOffset(), string(chars), (context & NodeKinds.IN_HEADING) != 0,
                (context & NodeKinds.IN_TABLE) != 0));
    }

    private void heading(com.vladsch.flexmark.ast.Heading h) {
        String text = plainText(h);
        String base = MarkdownParser.slug(text);
        int count = slugCounts.merge(base, 1, Integer::sum) - 1;
        String slug = count == 0 ? base : base.concat("-").concat(Integer.toString(count));
        BasedSequence textChars = h.getText();
        Range textRange = textChars.isNull() ? range(h)
                : source.range(textChars.getStartOffset(), textChars.getEndOffset());
        headings.add(new io.opsdoc.core.markdown.Heading(h.getLevel(), text, range(h), textRange, slug));
    }

    private void link(com.vladsch.flexmark.ast.Link link) {
        BasedSequence url = link.getUrl();
        links.add(new io.opsdoc.core.markdown.Link(plainText(link), string(url), range(link),
                source.range(url.getStartOffset(), url.getEndOffset()), false));
    }

    private void image(Image image) {
        BasedSequence url = image.getUrl();
        links.add(new io.opsdoc.core.markdown.Link(plainText(image), string(url), range(image),
                source.range(url.getStartOffset(), url.getEndOffset()), true));
    }

    private void reference(Reference reference) {
        references.putIfAbsent(string(reference.getReference()).toLowerCase(Locale.ROOT),
                string(reference.getUrl()));
    }

    private void taskItem(TaskListItem item) {
        taskItems.add(new TaskItem(item.isItemDoneMarker(), plainText(item), range(item)));
    }

    private void fenced(FencedCodeBlock fb, int context) {
        String info = fb.getInfo().isNull() ? "" : fb.getInfo().unescape().strip();
        BasedSequence opening = fb.getOpeningMarker();
        int fenceLine = source.lineOf(opening.getStartOffset());
        Range fenceRange = source.range(opening.getStartOffset(), source.lineContentEnd(fenceLine));
        codeBlock(fb, true, info, !fb.getClosingMarker().isNull() && !fb.getClosingMarker().isEmpty(),
                fb.getContentLines(), fenceRange, context);
    }

    private void indented(IndentedCodeBlock ib, int context) {
        Range first = source.lineRange(source.lineOf(ib.getStartOffset()));
        codeBlock(ib, false, "", true, ib.getContentLines(), first, context);
    }

    private void codeBlock(Node node, boolean fenced, String info, boolean closed, List<BasedSequence> contentLines,
            Range fenceRange, int context) {
        int[] offsets = new int[contentLines.size()];
        List<String> lines = new ArrayList<>(contentLines.size());
        for (int i = 0; i < contentLines.size(); i++) {
            BasedSequence line = contentLines.get(i);
            if (sliceable && line instanceof SubSequence) {
                // One contiguous range of the file: no virtual characters to account for.
                int start = line.getStartOffset();
                int end = line.getEndOffset();
                while (end > start && (parsed.charAt(end - 1) == '\n' || parsed.charAt(end - 1) == '\r')) {
                    end--;
                }
                offsets[i] = start;
                lines.add(parsed.substring(start, end));
            } else {
                offsets[i] = segmentedLine(line, lines);
            }
        }
        boolean nested = (context & NodeKinds.NESTED) != 0;
        // flexmark can end the node before trailing blank content lines (an unclosed fence in a list
        // item); the block's range must still hold every content line (found by EmbeddedBlocksFuzzTest).
        Range range = range(node);
        int contentEnd = lines.isEmpty() ? 0 : offsets[lines.size() - 1] + lines.get(lines.size() - 1).length();
        if (contentEnd > range.end().offset()) {
            range = source.range(range.start().offset(), contentEnd);
        }
        codeBlocks.add(new CodeBlock(source, fenced, info, closed, nested, range, fenceRange, offsets, lines));
    }

    /** Adds the text of a content line that is not one slice of the file; returns its file offset. */
    private int segmentedLine(BasedSequence line, List<String> lines) {
        int start = line.getStartOffset();
        String text = line.toString();
        // Where a list item or the code indentation consumed part of a tab, flexmark writes the
        // rest of it as spaces that are not in the file. Keep the file's tab instead (as flexmark
        // does elsewhere), so that every content column is a file column (found by MarkdownFuzzTest).
        int virtual = 0;
        while (virtual < text.length() && line.getIndexOffset(virtual) < 0) {
            virtual++;
        }
        if (virtual > 0) {
            boolean tab = start > 0 && source.text().charAt(start - 1) == '\t';
            start = tab ? start - 1 : start;
            text = (tab ? "\t" : "") + text.substring(virtual);
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        lines.add(text.substring(0, end));
        return start;
    }

    private void table(TableBlock table) {
        List<List<io.opsdoc.core.markdown.TableCell>> rows = new ArrayList<>();
        List<io.opsdoc.core.markdown.TableCell> head = new ArrayList<>();
        // Rows sit in the head, separator and body sections; the separator row is no data.
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableSeparator) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<io.opsdoc.core.markdown.TableCell> cells = new ArrayList<>();
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof com.vladsch.flexmark.ext.tables.TableCell cell) {
                        cells.add(new io.opsdoc.core.markdown.TableCell(plainText(cell), range(cell)));
                    }
                }
                if (section instanceof TableHead) {
                    if (head.isEmpty()) {
                        head.addAll(cells);
                    }
                } else {
                    rows.add(cells);
                }
            }
        }
        tables.add(new Table(head, rows, range(table)));
    }

    private void htmlBlock(Node node) {
        String html = string(node.getChars());
        int i = 0;
        while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
            i++;
        }
        if (html.startsWith("<!--", i)) {
            comment(node);
        }
    }

    private void comment(Node node) {
        String body = string(node.getChars()).strip();
        if (body.startsWith("<!--")) {
            body = body.substring(4);
        }
        if (body.endsWith("-->")) {
            body = body.substring(0, body.length() - 3);
        }
        comments.add(new HtmlComment(body.strip(), range(node), !(node instanceof com.vladsch.flexmark.ast.HtmlInlineComment)));
    }

    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\r?\n|\r");

    private void frontMatter(YamlFrontMatterBlock fm) {
        String raw = string(fm.getChars());
        String[] lines = LINE_BREAK.split(raw, -1);
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.equals("---") || t.equals("...")) {
                break;
            }
            yaml.append(lines[i]).append('\n');
        }
        frontMatter = Optional.of(new FrontMatter(yaml.toString(), range(fm)));
    }

    private void resolveReferenceLinks() {
        for (LinkRef ref : pendingRefs) {
            String key = string(ref.isReferenceTextCombined() ? ref.getText() : ref.getReference())
                    .toLowerCase(Locale.ROOT);
            String url = references.get(key);
            if (url != null) {
                links.add(new io.opsdoc.core.markdown.Link(plainText(ref), url, range(ref), range(ref), false));
            }
        }
    }

    private List<Section> sections() {
        List<Section> result = new ArrayList<>(headings.size());
        int textEnd = source.text().length();
        for (int i = 0; i < headings.size(); i++) {
            io.opsdoc.core.markdown.Heading h = headings.get(i);
            int end = textEnd;
            int ownEnd = textEnd;
            for (int j = i + 1; j < headings.size(); j++) {
                io.opsdoc.core.markdown.Heading next = headings.get(j);
                if (ownEnd == textEnd) {
                    ownEnd = next.range().start().offset();
                }
                if (next.level() <= h.level()) {
                    end = next.range().start().offset();
                    break;
                }
            }
            int contentStart = Math.min(end, nextLineStart(h.range().end().offset()));
            result.add(new Section(i, h, source.range(h.range().start().offset(), end),
                    source.range(contentStart, end), Math.max(contentStart, Math.min(ownEnd, end))));
        }
        return result;
    }

    private int nextLineStart(int offset) {
        int line = source.lineOf(offset);
        return line < source.lineCount() ? source.lineStart(line + 1) : source.text().length();
    }
}
