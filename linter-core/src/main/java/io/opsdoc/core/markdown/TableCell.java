package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;

/** One table cell: its plain text and where it is. */
public record TableCell(String text, Range range) {
}
