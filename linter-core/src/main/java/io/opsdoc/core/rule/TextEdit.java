package io.opsdoc.core.rule;

/**
 * Replace [start, end) of a file's text (BOM excluded) by {@code replacement}. Line breaks in
 * the replacement are written as {@code \n}; the fix writer converts them to the file's own line
 * ending, so rules never need to care about CRLF.
 */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    public boolean isInsertion() {
        return start == end;
    }
}
