package io.opsdoc.core.markdown;

import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.opsdoc.core.source.LineEnds;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Locale;

/** Turns a {@link SourceFile} into a {@link MarkdownDocument} with flexmark-java. Thread-safe. */
public final class MarkdownParser {
    private final PreparedParser parser;
    /** What each flexmark node class means to the model, worked out once per class. */
    private final NodeKinds nodeKinds = new NodeKinds();

    public MarkdownParser() {
        this.parser = new PreparedParser(flexmarkOptions());
    }

    /**
     * Loads flexmark's classes and compiles the patterns it caches for the whole JVM, so that a
     * parser built afterwards (on another thread) is built at once. For start-up: call it on a
     * thread of its own while the command line is read.
     */
    public static void warmUp() {
        new MarkdownParser().parse(SourceFile.ofText("warm-up.md", "# Warm-up\n\nText with `code` and [a link](x.md).\n"));
    }

    /**
     * The flexmark options and extensions this parser uses, so that a benchmark can time
     * flexmark's own parse of the same input alone and compare the model's cost with it.
     */
    public static DataHolder flexmarkOptions() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                YamlFrontMatterExtension.create(), TablesExtension.create(), TaskListExtension.create()));
        // GitHub tables: no need for a leading pipe, header separator required.
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        return options.toImmutable();
    }

    public MarkdownDocument parse(SourceFile source) {
        // flexmark's cost grows with the square of a line's indentation and nesting (100,000 list
        // markers on one line took over ten minutes): past the limits, the line is read as text.
        String text = source.text();
        int tooDeep = firstTooDeepLine(text);
        String parsed = tooDeep == 0 ? text : cutTooDeepLines(text);
        Document document = parser.parse(parsed);
        return new ModelBuilder(source, parsed, nodeKinds).build(document, tooDeep);
    }

    /** GitHub's heading anchor: lower-case, punctuation except '-' and '_' dropped, spaces to '-'. */
    public static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                sb.appendCodePoint(cp);
            } else if (cp == ' ') {
                sb.append('-');
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
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
        LineEnds ends = new LineEnds(text);
        int line = 1;
        int start = 0;
        while (true) {
            int end = ends.after(start);
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
        return firstTooDeepLine(text) == 0 ? text : cutTooDeepLines(text);
    }

    private static String cutTooDeepLines(String text) {
        char[] chars = text.toCharArray();
        LineEnds ends = new LineEnds(text);
        int start = 0;
        while (true) {
            int end = ends.after(start);
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
}
