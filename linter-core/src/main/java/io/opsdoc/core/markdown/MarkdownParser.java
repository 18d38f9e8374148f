package io.opsdoc.core.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Turns a {@link SourceFile} into a {@link MarkdownDocument} with flexmark-java. Thread-safe. */
public final class MarkdownParser {
    private final Parser parser;

    public MarkdownParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                YamlFrontMatterExtension.create(), TablesExtension.create(), TaskListExtension.create()));
        // GitHub tables: no need for a leading pipe, header separator required.
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        this.parser = Parser.builder(options).build();
    }

    public MarkdownDocument parse(SourceFile source) {
        // flexmark's cost grows with the square of a line's indentation and nesting (100,000 list
        // markers on one line took over ten minutes): past the limits, the line is read as text.
        Document document = parser.parse(limitNesting(source.text()));
        Builder builder = new Builder(source);
        walk(document, builder::visit);
        return builder.build();
    }

    /**
     * Deepest nesting of block quotes and list items that opsdoc hands to flexmark. Real planning
     * documents stay below ten levels; GitHub stops rendering nesting far below this.
     */
    public static final int MAX_NESTING = 100;

    /**
     * Longest run of indentation and container markers at the start of a line that opsdoc hands
     * to flexmark. flexmark's time grows with the square of that run inside a list (8,000 spaces
     * after a list marker take a third of a second, 200,000 several minutes) and with the depth.
     */
    public static final int MAX_LINE_PREFIX = 256;

    /**
     * The first line (1-based) whose start nests block quotes and list items deeper than
     * {@link #MAX_NESTING} or runs indentation and markers past {@link #MAX_LINE_PREFIX}
     * characters, or 0 when there is none. Linear in the length of {@code text}.
     */
    public static int firstTooDeepLine(String text) {
        int line = 1;
        int start = 0;
        while (true) {
            int end = lineEnd(text, start);
            if (cut(text, start, end) >= 0) {
                return line;
            }
            if (end >= text.length()) {
                return 0;
            }
            boolean crlf = text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n';
            start = end + (crlf ? 2 : 1);
            line++;
        }
    }

    /**
     * {@code text} with one character replaced by a backslash on each line that nests or indents
     * too far (see {@link #firstTooDeepLine}): where the limit is passed, so the rest of the line
     * is read as text of the deepest container allowed. The length is kept, so every offset and
     * position stays valid.
     */
    static String limitNesting(String text) {
        if (firstTooDeepLine(text) == 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        int start = 0;
        while (true) {
            int end = lineEnd(text, start);
            int cut = cut(text, start, end);
            if (cut >= 0) {
                chars[cut] = '\\';
            }
            if (end >= text.length()) {
                return new String(chars);
            }
            start = end + 1;
        }
    }

    private static int lineEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Where the run of indentation and block-quote and list markers at the start of the line
     * {@code [start, end)} passes a limit: the start of the marker past {@link #MAX_NESTING}, or
     * the character at {@link #MAX_LINE_PREFIX}; -1 when the run stays within both.
     */
    private static int cut(String text, int start, int end) {
        int limit = Math.min(end, start + MAX_LINE_PREFIX);
        int i = start;
        int depth = 0;
        while (true) {
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= limit) {
                return i < end || i > limit ? limit : -1;
            }
            int next = markerEnd(text, i, end);
            if (next < 0) {
                return -1;
            }
            if (++depth > MAX_NESTING) {
                return i;
            }
            i = next;
        }
    }

    /** End of a block-quote marker ({@code >}) or list marker ({@code -}, {@code *}, {@code +}, {@code 1.}, {@code 1)}) at {@code i}, else -1. */
    private static int markerEnd(String text, int i, int end) {
        if (i >= end) {
            return -1;
        }
        char c = text.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        int after;
        if (c == '-' || c == '*' || c == '+') {
            after = i + 1;
        } else {
            int d = i;
            while (d < end && d - i < 9 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
                d++;
            }
            if (d == i || d >= end || (text.charAt(d) != '.' && text.charAt(d) != ')')) {
                return -1;
            }
            after = d + 1;
        }
        // A list marker needs a space or tab after it, or the end of the line.
        return after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t' ? after : -1;
    }

    /** Pre-order traversal without recursion, so deeply nested input cannot overflow the stack. */
    static void walk(Node root, Consumer<Node> visitor) {
        Node node = root.getFirstChild();
        while (node != null) {
            visitor.accept(node);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != root && node.getNext() == null) {
                node = node.getParent();
            }
            if (node == null || node == root) {
                break;
            }
            node = node.getNext();
        }
    }

    private static boolean hasAncestor(Node node, Class<?>... types) {
        int depth = 0;
        for (Node p = node.getParent(); p != null && depth < 200; p = p.getParent(), depth++) {
            for (Class<?> type : types) {
                if (type.isInstance(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Plain text of inline content: markup dropped, code spans kept. */
    static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        walk(node, n -> {
            if (n instanceof Text || n instanceof AutoLink) {
                if (!hasAncestorWithin(n, node, HtmlInline.class) && !hasAncestorWithin(n, node, Code.class)) {
                    sb.append(n.getChars());
                }
            } else if (n instanceof Code code) {
                sb.append(code.getText());
            } else if (n instanceof SoftLineBreak) {
                sb.append(' ');
            }
        });
        return sb.toString().replace("\\", "").strip();
    }

    private static boolean hasAncestorWithin(Node node, Node stop, Class<?> type) {
        for (Node p = node.getParent(); p != null && p != stop; p = p.getParent()) {
            if (type.isInstance(p)) {
                return true;
            }
        }
        return false;
    }

    /** GitHub's heading anchor: lower-case, punctuation except '-' and '_' dropped, spaces to '-'. */
    public static String slug(String text) {
        StringBuilder sb = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                sb.appendCodePoint(cp);
            } else if (cp == ' ') {
                sb.append('-');
            }
        });
        return sb.toString();
    }

    private static final class Builder {
        private final SourceFile source;
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

        Builder(SourceFile source) {
            this.source = source;
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

        void visit(Node node) {
            if (node instanceof Heading h) {
                heading(h);
            } else if (node instanceof FencedCodeBlock fb) {
                fenced(fb);
            } else if (node instanceof IndentedCodeBlock ib) {
                indented(ib);
            } else if (node instanceof Link link) {
                links.add(new io.opsdoc.core.markdown.Link(plainText(link), link.getUrl().toString(), range(link),
                        source.range(link.getUrl().getStartOffset(), link.getUrl().getEndOffset()), false));
            } else if (node instanceof Image image) {
                links.add(new io.opsdoc.core.markdown.Link(plainText(image), image.getUrl().toString(), range(image),
                        source.range(image.getUrl().getStartOffset(), image.getUrl().getEndOffset()), true));
            } else if (node instanceof LinkRef ref) {
                pendingRefs.add(ref);
            } else if (node instanceof Reference reference) {
                references.putIfAbsent(reference.getReference().toString().toLowerCase(Locale.ROOT),
                        reference.getUrl().toString());
            } else if (node instanceof TableBlock table) {
                table(table);
            } else if (node instanceof TaskListItem item) {
                taskItems.add(new TaskItem(item.isItemDoneMarker(), plainText(item), range(item)));
            } else if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment
                    || node instanceof HtmlInnerBlockComment) {
                comment(node);
            } else if (node instanceof HtmlBlock html && html.getChars().toString().strip().startsWith("<!--")) {
                comment(node);
            } else if (node instanceof YamlFrontMatterBlock fm) {
                frontMatter(fm);
            } else if (node instanceof Text || node instanceof AutoLink) {
                proseText(node);
            }
        }

        private void heading(Heading h) {
            String text = plainText(h);
            String base = slug(text);
            int count = slugCounts.merge(base, 1, Integer::sum) - 1;
            String slug = count == 0 ? base : base + "-" + count;
            BasedSequence textChars = h.getText();
            Range textRange = textChars.isNull() ? range(h)
                    : source.range(textChars.getStartOffset(), textChars.getEndOffset());
            headings.add(new io.opsdoc.core.markdown.Heading(h.getLevel(), text, range(h), textRange, slug));
        }

        private void fenced(FencedCodeBlock fb) {
            String info = fb.getInfo().isNull() ? "" : fb.getInfo().unescape().strip();
            BasedSequence opening = fb.getOpeningMarker();
            int fenceLine = source.lineOf(opening.getStartOffset());
            Range fenceRange = source.range(opening.getStartOffset(), source.lineContentEnd(fenceLine));
            codeBlock(fb, true, info, !fb.getClosingMarker().isNull() && !fb.getClosingMarker().isEmpty(),
                    fb.getContentLines(), fenceRange);
        }

        private void indented(IndentedCodeBlock ib) {
            Range first = source.lineRange(source.lineOf(ib.getStartOffset()));
            codeBlock(ib, false, "", true, ib.getContentLines(), first);
        }

        private void codeBlock(Node node, boolean fenced, String info, boolean closed, List<BasedSequence> contentLines,
                Range fenceRange) {
            int[] offsets = new int[contentLines.size()];
            List<String> lines = new ArrayList<>(contentLines.size());
            for (int i = 0; i < contentLines.size(); i++) {
                BasedSequence line = contentLines.get(i);
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
                offsets[i] = start;
                int end = text.length();
                while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                    end--;
                }
                lines.add(text.substring(0, end));
            }
            boolean nested = hasAncestor(node, ListItem.class, BlockQuote.class);
            // flexmark can end the node before trailing blank content lines (an unclosed fence in a list
            // item); the block's range must still hold every content line (found by EmbeddedBlocksFuzzTest).
            Range range = range(node);
            int contentEnd = lines.isEmpty() ? 0 : offsets[lines.size() - 1] + lines.get(lines.size() - 1).length();
            if (contentEnd > range.end().offset()) {
                range = source.range(range.start().offset(), contentEnd);
            }
            codeBlocks.add(new CodeBlock(source, fenced, info, closed, nested, range, fenceRange, offsets, lines));
        }

        private void table(TableBlock table) {
            List<TableCell> header = new ArrayList<>();
            List<List<io.opsdoc.core.markdown.TableCell>> rows = new ArrayList<>();
            List<io.opsdoc.core.markdown.TableCell> head = new ArrayList<>();
            walk(table, n -> {
                if (n instanceof TableRow row && !(row.getParent() instanceof com.vladsch.flexmark.ext.tables.TableSeparator)) {
                    List<io.opsdoc.core.markdown.TableCell> cells = new ArrayList<>();
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell cell) {
                            cells.add(new io.opsdoc.core.markdown.TableCell(plainText(cell), range(cell)));
                        }
                    }
                    if (row.getParent() instanceof TableHead) {
                        if (head.isEmpty()) {
                            head.addAll(cells);
                        }
                    } else {
                        rows.add(cells);
                    }
                }
            });
            header.clear();
            tables.add(new Table(head, rows, range(table)));
        }

        private void comment(Node node) {
            String raw = node.getChars().toString().strip();
            String body = raw;
            if (body.startsWith("<!--")) {
                body = body.substring(4);
            }
            if (body.endsWith("-->")) {
                body = body.substring(0, body.length() - 3);
            }
            comments.add(new HtmlComment(body.strip(), range(node), !(node instanceof HtmlInlineComment)));
        }

        private void frontMatter(YamlFrontMatterBlock fm) {
            String raw = fm.getChars().toString();
            String[] lines = raw.split("\r?\n|\r", -1);
            StringBuilder yaml = new StringBuilder();
            for (int i = 1; i < lines.length; i++) {
                String t = lines[i].strip();
                if (t.equals("---") || t.equals("...")) {
                    break;
                }
                yaml.append(lines[i]).append('\n');
            }
            Map<String, Object> values = Map.of();
            Optional<String> error = Optional.empty();
            try {
                Object loaded = new Load(LoadSettings.builder().setMaxAliasesForCollections(20)
                        .setCodePointLimit(1024 * 1024).build()).loadFromString(yaml.toString());
                if (loaded instanceof Map<?, ?> map) {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>();
                    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    values = java.util.Collections.unmodifiableMap(copy);
                }
            } catch (YamlEngineException | StackOverflowError e) {
                String message = e.getMessage() == null ? "invalid YAML" : e.getMessage().lines().findFirst().orElse("");
                error = Optional.of(message);
            }
            frontMatter = Optional.of(new FrontMatter(values, range(fm), error));
        }

        private void proseText(Node node) {
            if (hasAncestor(node, Code.class, FencedCodeBlock.class, IndentedCodeBlock.class, HtmlInline.class,
                    HtmlBlock.class, YamlFrontMatterBlock.class)) {
                return;
            }
            BasedSequence chars = node.getChars();
            if (chars.isEmpty()) {
                return;
            }
            boolean inHeading = hasAncestor(node, Heading.class);
            boolean inTable = hasAncestor(node, TableBlock.class);
            prose.add(new ProseSegment(chars.getStartOffset(), chars.toString(), inHeading, inTable));
        }

        MarkdownDocument build() {
            for (LinkRef ref : pendingRefs) {
                String key = (ref.isReferenceTextCombined() ? ref.getText() : ref.getReference()).toString()
                        .toLowerCase(Locale.ROOT);
                String url = references.get(key);
                if (url != null) {
                    links.add(new io.opsdoc.core.markdown.Link(plainText(ref), url, range(ref), range(ref), false));
                }
            }
            links.sort(java.util.Comparator.comparingInt(l -> l.range().start().offset()));
            return new MarkdownDocument(source, headings, sections(), codeBlocks, links, tables, taskItems, prose,
                    comments, frontMatter);
        }

        private List<Section> sections() {
            List<Section> result = new ArrayList<>();
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
}
