package io.opsdoc.core.hcl;

/**
 * A position in HCL source text.
 *
 * @param offset UTF-16 index into the text
 * @param line   0-based line number
 * @param column 0-based column, counted in UTF-16 code units
 */
public record HclPos(int offset, int line, int column) {
}
