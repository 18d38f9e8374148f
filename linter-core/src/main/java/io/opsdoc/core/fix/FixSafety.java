package io.opsdoc.core.fix;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promise {@code opsdoc fix} makes before it writes a file: the user's text is never lost.
 * Every original line must still be there, in order, either unchanged or (for a bare opening
 * fence) with a language tag appended; the BOM, the final newline and CRLF line endings are kept.
 *
 * <p>One deletion is allowed, for {@code syntax/json}: a single trailing comma removed from a line
 * inside a fenced {@code json} block, where the comma stands outside any string and only
 * whitespace or comments follow it before the next {@code }} or {@code ]}. JSON readers reject
 * that comma, and removing it changes nothing else, so no content of the user's is lost.
 */
public final class FixSafety {
    /** A bare fence: up to three spaces, then three or more backticks or tildes, nothing else. */
    private static final Pattern BARE_FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})[ \\t]*");
    /** A fence line, possibly inside block quotes or a list item: prefix, fence run, info string. */
    private static final Pattern ANY_FENCE = Pattern.compile("[ \\t>]*(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+)?(`{3,}|~{3,})(.*)");
    /** Block-quote markers and indentation in front of a line's content. */
    private static final Pattern CONTAINER_PREFIX = Pattern.compile("^[ \\t>]*");

    private FixSafety() {
    }

    /** True when {@code after} keeps every line of {@code before} in order, only adding lines or language tags. */
    public static boolean onlyAddsOrRetags(String before, String after) {
        return lostLine(before, after).isEmpty();
    }

    /** Why writing {@code after} over {@code before} would lose the user's text, or empty when it is safe. */
    public static Optional<String> problem(String before, String after) {
        Optional<String> lost = lostLine(before, after);
        if (lost.isPresent()) {
            return lost;
        }
        boolean bomBefore = !before.isEmpty() && before.charAt(0) == '\uFEFF';
        boolean bomAfter = !after.isEmpty() && after.charAt(0) == '\uFEFF';
        if (bomBefore != bomAfter) {
            return Optional.of(bomBefore ? "the byte order mark would be removed" : "a byte order mark would be added");
        }
        String a = UnifiedDiff.stripBom(before);
        String b = UnifiedDiff.stripBom(after);
        if (UnifiedDiff.endsWithNewline(a) && !UnifiedDiff.endsWithNewline(b)) {
            return Optional.of("the final line break would be removed");
        }
        if (onlyCrlf(a) && !onlyCrlf(b)) {
            return Optional.of("a line would end with a bare LF or CR in a file that uses CRLF");
        }
        return Optional.empty();
    }

    /** The first line of {@code before} that {@code after} does not keep, described for a message. */
    static Optional<String> lostLine(String before, String after) {
        List<String> a = UnifiedDiff.lines(UnifiedDiff.stripBom(before));
        List<String> b = UnifiedDiff.lines(UnifiedDiff.stripBom(after));
        boolean[] json = jsonFenceContent(a);
        int j = 0;
        // Greedy earliest matching is enough to decide whether an order-preserving match exists.
        for (int i = 0; i < a.size(); i++) {
            String line = a.get(i);
            while (j < b.size() && !keeps(line, b.get(j)) && !(json[i] && trailingCommaRemoved(a, i, b.get(j)))) {
                j++;
            }
            if (j == b.size()) {
                // The line's text is not quoted: it may hold a secret, and messages never show one.
                return Optional.of("line " + (i + 1) + " would be removed or rewritten");
            }
            j++;
        }
        return Optional.empty();
    }

    /** The new line keeps the old one: equal, or the old bare fence with a language tag added. */
    static boolean keeps(String old, String now) {
        if (old.equals(now)) {
            return true;
        }
        Matcher fence = BARE_FENCE.matcher(old);
        if (!fence.matches()) {
            return false;
        }
        String opening = old.substring(0, fence.end(1));
        if (!now.startsWith(opening)) {
            return false;
        }
        String tag = now.substring(opening.length()).strip();
        char fenceChar = fence.group(1).charAt(0);
        return !tag.isEmpty() && now.length() > old.stripTrailing().length()
                && (fenceChar != '`' || tag.indexOf('`') < 0) && tag.charAt(0) != fenceChar;
    }

    /** Which lines are the content of a fenced block tagged {@code json} (fences in quotes and lists too). */
    static boolean[] jsonFenceContent(List<String> lines) {
        boolean[] result = new boolean[lines.size()];
        String open = null;
        boolean json = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = ANY_FENCE.matcher(line);
            boolean isFence = fence.matches();
            if (open == null) {
                if (isFence && (fence.group(1).charAt(0) == '~' || fence.group(2).indexOf('`') < 0)) {
                    open = fence.group(1);
                    String info = fence.group(2).strip();
                    json = info.equals("json") || info.startsWith("json ") || info.startsWith("json{");
                }
            } else if (isFence && fence.group(2).isBlank() && fence.group(1).charAt(0) == open.charAt(0)
                    && fence.group(1).length() >= open.length()) {
                open = null;
            } else {
                result[i] = json;
            }
        }
        return result;
    }

    /**
     * True when {@code now} is line {@code i} of {@code old} without one comma that stands outside
     * strings and is followed, on this and the next lines, only by whitespace or comments and then
     * a closing {@code }} or {@code ]}.
     */
    static boolean trailingCommaRemoved(List<String> old, int i, String now) {
        String line = old.get(i);
        if (now.length() != line.length() - 1) {
            return false;
        }
        boolean inString = false;
        for (int p = 0; p < line.length(); p++) {
            char c = line.charAt(p);
            if (inString) {
                if (c == '\\') {
                    p++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && p + 1 < line.length() && line.charAt(p + 1) == '/') {
                return false;
            } else if (c == ',' && (line.substring(0, p) + line.substring(p + 1)).equals(now)) {
                return closesNext(old, i, line.substring(p + 1));
            }
        }
        return false;
    }

    /** The first thing after {@code rest} (then lines i+1...) that is no whitespace or comment is a closing bracket. */
    private static boolean closesNext(List<String> old, int i, String rest) {
        String text = rest;
        int line = i;
        boolean inComment = false;
        while (true) {
            int k = 0;
            while (k < text.length()) {
                char c = text.charAt(k);
                if (inComment) {
                    if (c == '*' && k + 1 < text.length() && text.charAt(k + 1) == '/') {
                        inComment = false;
                        k++;
                    }
                } else if (c == '/' && k + 1 < text.length() && text.charAt(k + 1) == '/') {
                    break;
                } else if (c == '/' && k + 1 < text.length() && text.charAt(k + 1) == '*') {
                    inComment = true;
                    k++;
                } else if (!Character.isWhitespace(c)) {
                    return c == '}' || c == ']';
                }
                k++;
            }
            line++;
            if (line >= old.size()) {
                return false;
            }
            String next = old.get(line);
            Matcher prefix = CONTAINER_PREFIX.matcher(next);
            text = prefix.find() ? next.substring(prefix.end()) : next;
            if (ANY_FENCE.matcher(next).matches()) {
                return false;
            }
        }
    }

    /** True when the text has line breaks and every one of them is CRLF. */
    private static boolean onlyCrlf(String text) {
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    return false;
                }
                any = true;
                i++;
            } else if (c == '\n') {
                return false;
            }
        }
        return any;
    }
}
