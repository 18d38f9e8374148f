package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;

/**
 * A heading and everything up to the next heading of the same or a higher level.
 *
 * @param index position of the heading in document order (0-based)
 * @param contentRange from the end of the heading line to the end of the section, sub-sections included
 * @param ownContentEnd offset where the first sub-heading starts (or the section end)
 */
public record Section(int index, Heading heading, Range range, Range contentRange, int ownContentEnd) {
    public int level() {
        return heading.level();
    }

    public String title() {
        return heading.text();
    }

    public boolean contains(int offset) {
        return offset >= range.start().offset() && offset < range.end().offset();
    }

    public boolean containsInContent(int offset) {
        return offset >= contentRange.start().offset() && offset < contentRange.end().offset();
    }
}
