package io.opsdoc.core.promql;

/**
 * The {@code @} modifier of a selector or subquery.
 *
 * @param kind             a fixed timestamp, or {@code start()} / {@code end()} of the query range
 * @param timestampSeconds the Unix timestamp in seconds for {@link Kind#TIMESTAMP}, 0 otherwise
 */
public record AtModifier(Kind kind, double timestampSeconds) {
    public enum Kind { TIMESTAMP, START, END }

    public static AtModifier timestamp(double seconds) {
        return new AtModifier(Kind.TIMESTAMP, seconds);
    }
}
