package io.opsdoc.core.fix;

import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parts of a text's lines to hide when the text is shown (for example the values that
 * {@code security/hardcoded-secret} flagged, in the diff of {@code fix --dry-run}). Masking is
 * for display only: the text itself is never changed. A hidden part is shown as {@link #MASK}.
 */
public final class LineMask {
    public static final LineMask NONE = new LineMask(Map.of());
    public static final String MASK = "********";

    /** [start, end) in 0-based UTF-16 columns of one line; end is {@link Integer#MAX_VALUE} for "to the end". */
    private record Span(int start, int end) {
    }

    /** 1-based line number to the spans hidden on it. */
    private final Map<Integer, List<Span>> spans;

    private LineMask(Map<Integer, List<Span>> spans) {
        this.spans = spans;
    }

    /**
     * Hides each range (1-based lines and columns, as findings report them). A range over several
     * lines hides the end of its first line, its middle lines and the start of its last line; an
     * empty range hides its whole line, since what it points at is not known.
     */
    public static LineMask of(Collection<Range> ranges) {
        Map<Integer, List<Span>> spans = new TreeMap<>();
        for (Range range : ranges) {
            int firstLine = range.start().line();
            int lastLine = Math.max(firstLine, range.end().line());
            if (range.start().offset() == range.end().offset()) {
                add(spans, firstLine, new Span(0, Integer.MAX_VALUE));
                continue;
            }
            for (int line = firstLine; line <= lastLine; line++) {
                int start = line == firstLine ? Math.max(0, range.start().column() - 1) : 0;
                int end = line == lastLine ? Math.max(start, range.end().column() - 1) : Integer.MAX_VALUE;
                if (end > start) {
                    add(spans, line, new Span(start, end));
                }
            }
        }
        return spans.isEmpty() ? NONE : new LineMask(spans);
    }

    private static void add(Map<Integer, List<Span>> spans, int line, Span span) {
        spans.computeIfAbsent(line, k -> new ArrayList<>()).add(span);
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** {@code text}, line {@code line} of the masked text, with its hidden parts replaced. */
    public String apply(int line, String text) {
        return show(text, this, line, NONE, 0);
    }

    /**
     * {@code text} with what either mask hides replaced: {@code first} names it as line
     * {@code firstLine}, {@code second} as line {@code secondLine} (an unchanged line of a diff has
     * a number on each side).
     */
    static String show(String text, LineMask first, int firstLine, LineMask second, int secondLine) {
        List<Span> hidden = new ArrayList<>(first.spans.getOrDefault(firstLine, List.of()));
        hidden.addAll(second.spans.getOrDefault(secondLine, List.of()));
        if (hidden.isEmpty()) {
            return text;
        }
        hidden.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int cursor = 0;
        int i = 0;
        while (i < hidden.size()) {
            int start = Math.min(hidden.get(i).start(), text.length());
            int end = hidden.get(i).end();
            i++;
            while (i < hidden.size() && hidden.get(i).start() <= end) {
                end = Math.max(end, hidden.get(i).end());
                i++;
            }
            end = Math.min(end, text.length());
            if (start < cursor) {
                start = cursor;
            }
            out.append(text, cursor, start);
            if (end > start) {
                out.append(MASK);
            }
            cursor = Math.max(cursor, end);
        }
        out.append(text, cursor, text.length());
        return out.toString();
    }
}
