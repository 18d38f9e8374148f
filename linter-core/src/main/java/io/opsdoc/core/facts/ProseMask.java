package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.HtmlComment;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * The one prose mask: which offsets of a document are not prose (code blocks, code spans, HTML
 * comments and front matter), and the document text with non-prose parts blanked for rules that
 * search text. Needed for constructs that the Markdown parser does not hand out as prose text
 * ({@code <your-team>} parses as inline HTML, {@code [insert date]} loses its brackets). Blanking
 * keeps line breaks and length, so offsets into the blanked text are file offsets.
 */
public final class ProseMask {
    private final BitSet excluded = new BitSet();
    private final BitSet comments = new BitSet();

    public ProseMask(MarkdownDocument document) {
        String text = document.text();
        for (CodeBlock block : document.codeBlocks()) {
            mark(block.range());
        }
        for (HtmlComment comment : document.comments()) {
            mark(comment.range());
            comments.set(comment.range().start().offset(), Math.max(comment.range().start().offset(),
                    comment.range().end().offset()));
        }
        document.frontMatter().ifPresent(fm -> mark(fm.range()));
        markCodeSpans(text);
    }

    public boolean isProse(int offset) {
        return !excluded.get(offset);
    }

    /** True when no offset in [start, end) is excluded. */
    public boolean isProse(int start, int end) {
        int next = excluded.nextSetBit(start);
        return next < 0 || next >= end;
    }

    /** The first offset in [start, end) inside an HTML comment, or {@code end}. */
    public int commentStart(int start, int end) {
        int next = comments.nextSetBit(start);
        return next < 0 || next >= end ? end : next;
    }

    /** What {@link MarkdownDocument#derived} keeps the text without comments under. */
    private static final String WITHOUT_COMMENTS = "opsdoc.text-without-comments";

    /**
     * The whole text of {@code doc} with HTML comments blanked, built once per document: many rules
     * search it, several of them more than once, and each built it again.
     */
    public static String withoutComments(MarkdownDocument doc) {
        return doc.derived(WITHOUT_COMMENTS, String.class, d -> withoutComments(d, d.text(), 0));
    }

    /** {@code text}, which starts at file offset {@code base}, with HTML comments blanked. */
    public static String withoutComments(MarkdownDocument doc, String text, int base) {
        return blank(text, base, doc.comments().stream().map(HtmlComment::range).toList());
    }

    /**
     * The whole document text with HTML comments, code blocks and headings blanked and the
     * backticks of code spans removed (their content still reads as prose).
     */
    public static String proseText(MarkdownDocument doc) {
        List<Range> ranges = new ArrayList<>();
        doc.comments().forEach(c -> ranges.add(c.range()));
        doc.codeBlocks().forEach(b -> ranges.add(b.range()));
        doc.headings().forEach(h -> ranges.add(h.range()));
        return blank(doc.text(), 0, ranges).replace('`', ' ');
    }

    /** {@code text}, which starts at file offset {@code base}, with every character of {@code ranges} but line breaks blanked. */
    public static String blank(String text, int base, Collection<Range> ranges) {
        StringBuilder sb = null;
        for (Range range : ranges) {
            int s = range.start().offset() - base;
            int e = range.end().offset() - base;
            if (e <= 0 || s >= text.length()) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text);
            }
            for (int i = Math.max(0, s); i < Math.min(text.length(), e); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private void mark(Range range) {
        excluded.set(range.start().offset(), Math.max(range.start().offset(), range.end().offset()));
    }

    /** Backtick runs closed by a run of the same length within the same paragraph (CommonMark code spans). */
    private void markCodeSpans(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = paragraphEnd(text, start);
            int i = start;
            while (i < end) {
                if (text.charAt(i) != '`' || excluded.get(i)) {
                    i++;
                    continue;
                }
                int runEnd = i;
                while (runEnd < end && text.charAt(runEnd) == '`') {
                    runEnd++;
                }
                int length = runEnd - i;
                int close = findRun(text, runEnd, end, length);
                if (close < 0) {
                    i = runEnd;
                } else {
                    excluded.set(i, close + length);
                    i = close + length;
                }
            }
            start = end + 1;
        }
    }

    /** Offset of the line break that starts the next blank line (or the end of the text). */
    private static int paragraphEnd(String text, int from) {
        int i = from;
        while (true) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return text.length();
            }
            int next = text.indexOf('\n', nl + 1);
            String line = text.substring(nl + 1, next < 0 ? text.length() : next);
            if (line.isBlank()) {
                return nl;
            }
            i = nl + 1;
        }
    }

    /** Start of the next run of exactly {@code length} backticks before {@code to}; a code span never enters a block. */
    private int findRun(String text, int from, int to, int length) {
        int i = from;
        while (i < to) {
            if (excluded.get(i)) {
                return -1;
            }
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < to && text.charAt(runEnd) == '`') {
                runEnd++;
            }
            if (runEnd - i == length) {
                return i;
            }
            i = runEnd;
        }
        return -1;
    }
}
