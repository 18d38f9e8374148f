package io.opsdoc.core.text;

/**
 * Text from user files made safe to put inside a one-line message: control characters cannot
 * start a new line or a terminal escape sequence (a CI runner reads {@code ::error} commands from
 * any line of output), so they are written as escapes instead.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * {@code text} with {@code \n}, {@code \r}, {@code \t} and {@code \e} (ESC) written as those
     * escapes and every other control character (C0, DEL, C1, line and paragraph separators) as
     * {@code \}{@code uXXXX}. Backslashes already in the text are kept: the result is for reading,
     * not for parsing back.
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\u001b' -> "\\e";
            default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
