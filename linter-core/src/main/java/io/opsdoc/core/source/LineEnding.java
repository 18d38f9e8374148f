package io.opsdoc.core.source;

/** The line terminator a file predominantly uses; fixes write new lines with it. */
public enum LineEnding {
    LF("\n"), CRLF("\r\n"), CR("\r");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
