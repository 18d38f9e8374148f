package io.opsdoc.core.rule;

import io.opsdoc.core.source.Range;

/** A place in a file, with an optional explanation (used for related locations). */
public record Location(String file, Range range, String message) {
}
