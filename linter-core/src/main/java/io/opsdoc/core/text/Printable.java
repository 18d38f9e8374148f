package io.opsdoc.core.text;

/**
 * Makes text from documents, file names and configuration safe to print on one line of a
 * terminal or a CI log. A control character in a message could otherwise end the line and start a
 * forged one (GitHub Actions reads {@code ::error ...} workflow commands from any line of standard
 * output and error) or drive the terminal (ANSI escape sequences).
 *
 * <p>Escaped: C0 controls (U+0000 to U+001F, including TAB, LF, CR and ESC), DEL, C1 controls
 * (U+0080 to U+009F, including NEL), the Unicode line and paragraph separators (U+2028, U+2029),
 * which some readers treat as line ends, and the bidirectional overrides and isolates (U+202A to
 * U+202E, U+2066 to U+2069), which can make a line read differently from what it holds. A
 * backslash is left as it is: the output is for people, not meant to be parsed back.
 */
public final class Printable {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /** {@code text} with each unsafe character as {@code \n}, {@code \r}, {@code \t}, {@code \e} or {@code \}{@code uXXXX}. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        sb.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u001b' -> sb.append("\\e");
                default -> sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** Whether {@link #escape} would change {@code text}. */
    public static boolean isSafe(String text) {
        return text == null || firstUnsafe(text) < 0;
    }

    /** Whether {@code c} is escaped by {@link #escape}. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
