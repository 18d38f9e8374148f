package io.opsdoc.core.fix;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promise {@code opsdoc fix} makes before it writes a file: the user's text is never lost.
 * Every original line must still be there, in order, either unchanged or (for a bare opening
 * fence) with a language tag appended; the BOM, the final newline and CRLF line endings are kept.
 */
public final class FixSafety {
    /**
     * A bare fence: the markers of the list items and block quotes it sits in (a fence nested in
     * {@code - > } keeps them on its line), indentation, three or more backticks or tildes, nothing else.
     */
    private static final Pattern BARE_FENCE =
            Pattern.compile("(?:[ \\t]*(?:>|[-*+][ \\t]|\\d{1,9}[.)][ \\t]))*[ \\t]*(`{3,}|~{3,})[ \\t]*");

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
        int j = 0;
        // Greedy earliest matching is enough to decide whether an order-preserving match exists.
        for (int i = 0; i < a.size(); i++) {
            String line = a.get(i);
            while (j < b.size() && !keeps(line, b.get(j))) {
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
