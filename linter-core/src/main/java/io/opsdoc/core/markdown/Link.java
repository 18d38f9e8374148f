package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;

/** An inline or reference link (images excluded). {@code urlRange} points at the destination text. */
public record Link(String text, String url, Range range, Range urlRange, boolean image) {
}
