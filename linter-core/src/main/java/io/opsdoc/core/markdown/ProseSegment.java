package io.opsdoc.core.markdown;

/**
 * A run of prose text exactly as in the file (starting at {@code offset}), outside code spans,
 * code blocks and HTML. Rules that scan prose report positions as offset + index.
 *
 * @param inHeading true for heading text
 * @param inTable true for table-cell text
 */
public record ProseSegment(int offset, String text, boolean inHeading, boolean inTable) {
    public int end() {
        return offset + text.length();
    }
}
