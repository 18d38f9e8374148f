package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;

/**
 * A heading. {@code text} is the plain text (markup removed); {@code range} covers the whole
 * heading line(s); {@code textRange} the heading text; {@code slug} is GitHub's anchor for it
 * (with the -1, -2 suffix for duplicates).
 */
public record Heading(int level, String text, Range range, Range textRange, String slug) {
}
