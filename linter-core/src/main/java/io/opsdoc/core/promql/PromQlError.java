package io.opsdoc.core.promql;

/**
 * A problem found while parsing a PromQL expression.
 *
 * @param message   human readable description, modelled on the messages of the Prometheus parser
 * @param offset    UTF-16 index into the parsed string where the problem starts
 * @param endOffset UTF-16 index just after the problematic text (equal to {@code offset} for a point)
 */
public record PromQlError(String message, int offset, int endOffset) {
    public PromQlError {
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        if (offset < 0 || endOffset < offset) {
            throw new IllegalArgumentException("bad error range " + offset + ".." + endOffset);
        }
    }
}
