package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.HtmlComment;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the Markdown of a document (or a part of it) into the units a reader pairs facts in:
 * paragraphs (with their list items and sentences), headings, and table rows (each cell prefixed
 * with its column header, so "Window: 30 days" reads as a sentence). Code blocks and HTML
 * comments are left out.
 */
public final class TextUnits {

    private TextUnits() {
    }

    public enum Kind { PARAGRAPH, HEADING, ROW }

    /**
     * One unit.
     *
     * @param table the table of a row, else null
     * @param row the row index in {@code table.rows()}, else -1
     * @param sentences the unit's sentences (see {@link #of(Kind, MappedText, Table, int)})
     */
    public record Unit(Kind kind, MappedText text, Table table, int row, List<MappedText> sentences) {
        public Unit {
            sentences = List.copyOf(sentences);
        }

        /** A unit with its sentences: every reader of a unit splits it, so it is split once, here. */
        public Unit(Kind kind, MappedText text, Table table, int row) {
            this(kind, text, table, row, split(kind, text));
        }

        public int start() {
            return text.offset(0);
        }

        /** Sentences: list items and sentence-final punctuation split a paragraph; a row is one sentence. */
        private static List<MappedText> split(Kind kind, MappedText text) {
            if (kind != Kind.PARAGRAPH) {
                return List.of(text);
            }
            List<MappedText> result = new ArrayList<>();
            String s = text.text();
            int lineStart = 0;
            int from = 0;
            while (lineStart <= s.length()) {
                int nl = s.indexOf('\n', lineStart);
                int lineEnd = nl < 0 ? s.length() : nl;
                if (lineStart > from && isListItem(s, lineStart, lineEnd)) {
                    splitSentences(text, from, lineStart, result);
                    from = lineStart;
                }
                if (nl < 0) {
                    break;
                }
                lineStart = nl + 1;
            }
            splitSentences(text, from, s.length(), result);
            return result;
        }

        private static void splitSentences(MappedText text, int from, int to, List<MappedText> out) {
            String s = text.text();
            int start = from;
            // Sentence ends: a run of white space after '.', '!', '?' or ';' and before a non-space
            // character (the pattern "(?<=[.!?;])\\s+(?=\\S)" as a scan, without a matcher per paragraph).
            int i = from;
            while (i < to) {
                char c = s.charAt(i);
                if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < to && isSpace(s.charAt(i + 1))) {
                    int spaceEnd = i + 1;
                    while (spaceEnd < to && isSpace(s.charAt(spaceEnd))) {
                        spaceEnd++;
                    }
                    if (spaceEnd < to) {
                        out.add(text.slice(start, i + 1));
                        start = spaceEnd;
                    }
                    i = spaceEnd;
                    continue;
                }
                i++;
            }
            if (start < to) {
                out.add(text.slice(start, to));
            }
        }
    }

    /** White space as the regular expression {@code \\s} reads it: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether line [start, end) of {@code s} starts a list item: "^\\s*(?:[-*+]|\\d+[.)])\\s+". */
    private static boolean isListItem(String s, int start, int end) {
        int i = start;
        while (i < end && isSpace(s.charAt(i))) {
            i++;
        }
        if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '*' || s.charAt(i) == '+')) {
            i++;
        } else {
            int digits = i;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits || i >= end || s.charAt(i) != '.' && s.charAt(i) != ')') {
                return false;
            }
            i++;
        }
        return i < end && isSpace(s.charAt(i));
    }

    /** Units of a whole document, computed once per document (several fact readers and rules walk them). */
    @SuppressWarnings("unchecked")
    public static List<Unit> of(MarkdownDocument doc) {
        return doc.derived("opsdoc.text-units", List.class, d -> List.copyOf(of(d, 0, d.text().length())));
    }

    /** Units of a section's content (sub-sections included). */
    public static List<Unit> of(MarkdownDocument doc, Section section) {
        return of(doc, section.contentRange().start().offset(), section.contentRange().end().offset());
    }

    /** Units that start in [from, to). */
    public static List<Unit> of(MarkdownDocument doc, int from, int to) {
        SourceFile source = doc.source();
        List<int[]> masked = new ArrayList<>();
        for (CodeBlock b : doc.codeBlocks()) {
            masked.add(new int[] {b.range().start().offset(), b.range().end().offset()});
        }
        for (Table t : doc.tables()) {
            masked.add(new int[] {t.range().start().offset(), t.range().end().offset()});
        }
        for (HtmlComment c : doc.comments()) {
            masked.add(new int[] {c.range().start().offset(), c.range().end().offset()});
        }
        doc.frontMatter().ifPresent(fm -> masked.add(new int[] {0, fm.range().end().offset()}));
        List<Unit> units = new ArrayList<>();
        if (source.text().isEmpty()) {
            return units;
        }
        int firstLine = source.lineOf(Math.min(from, source.text().length()));
        int lastLine = source.lineOf(Math.max(from, Math.min(to, source.text().length()) - 1));
        List<int[]> spans = merged(masked);
        int next = 0;
        MappedText paragraph = new MappedText();
        for (int line = firstLine; line <= lastLine; line++) {
            int start = source.lineStart(line);
            int end = source.lineContentEnd(line);
            String text = source.text().substring(start, end);
            // Lines only move forward, so one pointer over the merged spans keeps this linear.
            while (next < spans.size() && spans.get(next)[1] <= start) {
                next++;
            }
            boolean isMasked = next < spans.size() && end >= spans.get(next)[0];
            // An HTML comment on the same line as prose (expect markers) is cut off, not the whole line.
            if (isMasked && text.contains("<!--") && !text.strip().startsWith("<!--")) {
                text = text.substring(0, text.indexOf("<!--"));
                isMasked = false;
            }
            if (isMasked || text.isBlank() || text.stripLeading().startsWith("#")) {
                flush(paragraph, units);
                paragraph = new MappedText();
                if (!isMasked && text.stripLeading().startsWith("#")) {
                    units.add(new Unit(Kind.HEADING, new MappedText().append(text, start), null, -1));
                }
                continue;
            }
            if (!paragraph.isEmpty()) {
                paragraph.appendSynthetic("\n");
            }
            paragraph.append(text, start);
        }
        flush(paragraph, units);
        for (Table t : doc.tables()) {
            int at = t.range().start().offset();
            if (at < from || at >= to) {
                continue;
            }
            for (int r = 0; r < t.rows().size(); r++) {
                MappedText row = new MappedText();
                List<TableCell> cells = t.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (c > 0) {
                        row.appendSynthetic(" | ");
                    }
                    if (c < t.header().size()) {
                        row.appendSynthetic(t.header().get(c).text() + ": ");
                    }
                    appendCell(source, cells.get(c), row);
                }
                units.add(new Unit(Kind.ROW, row, t, r));
            }
        }
        units.sort(Comparator.comparingInt(Unit::start));
        return units;
    }

    /** Sorted, non-overlapping union of {@code spans}. */
    private static List<int[]> merged(List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> result = new ArrayList<>();
        for (int[] r : sorted) {
            int[] last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                result.add(new int[] {r[0], r[1]});
            }
        }
        return result;
    }

    /** The cell's text as written (markup kept), without the pipes and padding around it. */
    public static void appendCell(SourceFile source, TableCell cell, MappedText out) {
        int[] span = cellSpan(source, cell);
        out.append(source.text().substring(span[0], span[1]), span[0]);
    }

    public static int[] cellSpan(SourceFile source, TableCell cell) {
        int s = cell.range().start().offset();
        int e = cell.range().end().offset();
        String text = source.text();
        while (s < e && (text.charAt(s) == '|' || Character.isWhitespace(text.charAt(s)))) {
            s++;
        }
        while (e > s && (text.charAt(e - 1) == '|' || Character.isWhitespace(text.charAt(e - 1)))) {
            e--;
        }
        return new int[] {s, e};
    }

    private static void flush(MappedText paragraph, List<Unit> units) {
        if (!paragraph.isEmpty()) {
            units.add(new Unit(Kind.PARAGRAPH, paragraph, null, -1));
        }
    }
}
