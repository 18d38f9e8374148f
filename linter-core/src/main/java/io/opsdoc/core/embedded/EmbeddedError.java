package io.opsdoc.core.embedded;

import io.opsdoc.core.source.Range;

/** A parse problem of an embedded block, already mapped to Markdown coordinates. */
public record EmbeddedError(String message, Range range) {
}
