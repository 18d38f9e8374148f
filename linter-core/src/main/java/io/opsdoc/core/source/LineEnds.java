package io.opsdoc.core.source;

/**
 * The ends of a text's lines ({@code \n} or {@code \r}), found with {@link String#indexOf},
 * which reads a text many times faster than a loop over {@code charAt} while the JIT has not
 * compiled it; the next {@code \n} and {@code \r} are remembered, so a text without one is
 * searched for it once. For a scan that moves forward through the text.
 */
public final class LineEnds {
    private final String text;
    private int nextLf = -1;
    private int nextCr = -1;

    public LineEnds(String text) {
        this.text = text;
    }

    /** The first {@code \n} or {@code \r} at or after {@code start}, or the text's length. */
    public int after(int start) {
        if (nextLf < start) {
            nextLf = found(text.indexOf('\n', start));
        }
        if (nextCr < start) {
            nextCr = found(text.indexOf('\r', start));
        }
        return Math.min(nextLf, nextCr);
    }

    private int found(int index) {
        return index < 0 ? text.length() : index;
    }
}
