package io.opsdoc.rules.structure;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.HtmlComment;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.util.BitSet;

/**
 * Which offsets of a document are not prose: code blocks, code spans, HTML comments and front
 * matter. Needed for constructs that the Markdown parser does not hand out as prose text
 * ({@code <your-team>} parses as inline HTML, {@code [insert date]} loses its brackets).
 */
final class ProseMask {
    private final BitSet excluded = new BitSet();
    private final BitSet comments = new BitSet();

    ProseMask(MarkdownDocument document) {
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

    boolean isProse(int offset) {
        return !excluded.get(offset);
    }

    /** True when no offset in [start, end) is excluded. */
    boolean isProse(int start, int end) {
        int next = excluded.nextSetBit(start);
        return next < 0 || next >= end;
    }

    /** The first offset in [start, end) inside an HTML comment, or {@code end}. */
    int commentStart(int start, int end) {
        int next = comments.nextSetBit(start);
        return next < 0 || next >= end ? end : next;
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
