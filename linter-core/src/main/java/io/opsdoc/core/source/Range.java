package io.opsdoc.core.source;

/** A half-open span [start, end) in a source file. */
public record Range(Position start, Position end) {
    public Range {
        if (end.offset() < start.offset()) {
            end = start;
        }
    }

    public static Range of(Position point) {
        return new Range(point, point);
    }

    public int startLine() {
        return start.line();
    }
}
