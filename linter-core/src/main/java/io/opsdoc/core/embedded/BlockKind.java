package io.opsdoc.core.embedded;

/**
 * What a parse attempt found a block to be. Only {@link #INVALID} is a syntax error; the other
 * non-{@link #VALID} kinds are reported as what they are, at note level.
 */
public enum BlockKind {
    /** Parses as the language. */
    VALID,
    /** Only whitespace or comments. */
    EMPTY,
    /** Does not parse and uses template syntax ({{ }}, {% %}, ${ } placeholders): not checkable. */
    TEMPLATED,
    /** Does not parse and contains elision lines such as "..." meaning "omitted". */
    ELIDED,
    /** JSON with comments or trailing commas (JSONC / JSON5 style). */
    LENIENT,
    /** JSON members without the enclosing braces. */
    FRAGMENT,
    /** Several JSON values one after the other (NDJSON, pretty-printed objects in a row). */
    STREAM,
    /** Does not parse: a real syntax error. */
    INVALID;

    public boolean parsed() {
        return this == VALID || this == LENIENT || this == FRAGMENT || this == STREAM;
    }
}
