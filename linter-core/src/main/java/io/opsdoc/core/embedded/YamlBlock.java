package io.opsdoc.core.embedded;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A code block composed as YAML (every document of the stream) with SnakeYAML Engine. Node
 * marks count code points from the start of the block; {@link #range(Node)} maps them to exact
 * Markdown positions (UTF-16 columns).
 */
public final class YamlBlock {
    /** Large enough for any real snippet, small enough that a 20 MB block cannot exhaust memory. */
    private static final int CODE_POINT_LIMIT = 4 * 1024 * 1024;

    private final CodeBlock block;
    private final BlockKind kind;
    private final List<Node> documents;
    private final Optional<EmbeddedError> error;
    private final String[] parsedLines;

    private YamlBlock(CodeBlock block, BlockKind kind, List<Node> documents, Optional<EmbeddedError> error,
            String[] parsedLines) {
        this.block = block;
        this.kind = kind;
        this.documents = List.copyOf(documents);
        this.error = error;
        this.parsedLines = parsedLines;
    }

    public static YamlBlock parse(CodeBlock block) {
        String text = parserText(block);
        String[] lines = text.split("\n", -1);
        if (text.isBlank() || onlyComments(block.lines())) {
            return new YamlBlock(block, BlockKind.EMPTY, List.of(), Optional.empty(), lines);
        }
        LoadSettings settings = LoadSettings.builder()
                .setAllowNonScalarKeys(true)
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit(CODE_POINT_LIMIT)
                .setLabel("block")
                .build();
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                if (node != null) {
                    documents.add(node);
                }
            }
            return new YamlBlock(block, BlockKind.VALID, documents, Optional.empty(), lines);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String message = describe(e);
            return failed(block, lines, message, mark);
        } catch (YamlEngineException e) {
            return failed(block, lines, firstLine(e.getMessage()), null);
        } catch (StackOverflowError e) {
            return failed(block, lines, "nesting is too deep to check", null);
        }
    }

    private static YamlBlock failed(CodeBlock block, String[] lines, String message, Mark mark) {
        String content = block.content();
        BlockKind kind = Snippets.templated(content) ? BlockKind.TEMPLATED
                : Snippets.elided(content) ? BlockKind.ELIDED : BlockKind.INVALID;
        Range range;
        if (mark == null) {
            range = block.firstLineRange();
        } else {
            Position at = position(block, lines, mark.getLine(), mark.getColumn());
            range = new Range(at, at);
        }
        return new YamlBlock(block, kind, List.of(), Optional.of(new EmbeddedError(message, range)), lines);
    }

    private static String describe(MarkedYamlEngineException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        if (problem == null || problem.isBlank()) {
            return firstLine(e.getMessage());
        }
        if (context != null && !context.isBlank()) {
            return problem + " (" + context + ")";
        }
        return problem;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /**
     * Text handed to the parser. flexmark keeps a raw tab where a list item consumed part of it;
     * YAML rejects tabs in indentation, so nested blocks get leading tabs expanded (tab stop 4).
     */
    private static String parserText(CodeBlock block) {
        if (!block.nested() || !block.content().contains("\t")) {
            return block.content();
        }
        StringBuilder sb = new StringBuilder();
        for (String line : block.lines()) {
            int i = 0;
            int col = 0;
            while (i < line.length() && (line.charAt(i) == '\t' || line.charAt(i) == ' ')) {
                col = line.charAt(i) == '\t' ? (col / 4 + 1) * 4 : col + 1;
                i++;
            }
            sb.append(" ".repeat(col)).append(line, i, line.length()).append('\n');
        }
        return sb.toString();
    }

    private static boolean onlyComments(List<String> lines) {
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    /** Maps a 0-based line and code-point column of the parser text to the Markdown file. */
    private static Position position(CodeBlock block, String[] parsedLines, int line, int codePointColumn) {
        if (line >= block.lineCount()) {
            return block.position(block.lineCount(), 0);
        }
        String parsed = line < parsedLines.length ? parsedLines[line] : "";
        int utf16 = codePointColumn;
        try {
            utf16 = parsed.offsetByCodePoints(0, Math.min(codePointColumn, parsed.codePointCount(0, parsed.length())));
        } catch (IndexOutOfBoundsException e) {
            utf16 = Math.min(codePointColumn, parsed.length());
        }
        String raw = block.lines().get(line);
        // Undo leading-tab expansion: columns after the indentation shift by the difference.
        int shift = parsed.length() - raw.length();
        int rawColumn = shift > 0 ? Math.max(leadingBlanks(raw), utf16 - shift) : utf16;
        return block.position(line, rawColumn);
    }

    private static int leadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    public CodeBlock block() {
        return block;
    }

    public BlockKind kind() {
        return kind;
    }

    public boolean valid() {
        return kind == BlockKind.VALID;
    }

    /** The composed documents; empty unless {@link #valid()}. Aliases share node objects: walk with a visited set. */
    public List<Node> documents() {
        return documents;
    }

    public Optional<EmbeddedError> error() {
        return error;
    }

    /** Where {@code node} starts in the Markdown file. */
    public Position start(Node node) {
        return node.getStartMark().map(m -> position(block, parsedLines, m.getLine(), m.getColumn()))
                .orElse(block.firstLineRange().start());
    }

    /** Where {@code node} is in the Markdown file; multi-line values end at the end of their first line. */
    public Range range(Node node) {
        Position start = start(node);
        Position end = node.getEndMark()
                .map(m -> position(block, parsedLines, m.getLine(), m.getColumn()))
                .orElse(start);
        if (end.line() != start.line() || end.offset() < start.offset()) {
            int lineEnd = block.source().lineContentEnd(start.line());
            end = block.source().position(Math.max(start.offset(), lineEnd));
        }
        return new Range(start, end);
    }
}
