package io.opsdoc.core.source;

/**
 * A point in a source file: 1-based line, 1-based column counted in UTF-16 code units (what
 * SARIF expects), and the 0-based UTF-16 offset into the file text (after any BOM).
 */
public record Position(int line, int column, int offset) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
        return Integer.compare(offset, other.offset);
    }
}
