package io.opsdoc.core.hcl;

/** A scanned token: kind and the half-open offset range {@code [start, end)}. */
record HclToken(HclTokenKind kind, int start, int end) {
}
