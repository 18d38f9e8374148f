package io.opsdoc.core.doctype;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches headings against required section titles the way a reader would: ignoring case,
 * punctuation, emoji, leading numbering ("3.", "Step 3:") and "&"/"and"/"+", and accepting a
 * trailing qualifier in parentheses or after a colon or dash ("Load Balancer (ALB)").
 */
public final class SectionMatcher {
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^\\s*(?:(?:step|stage|phase|part|section)\\s+)?(?:\\d+(?:\\.\\d+)*|[ivx]+|[a-z])[.):]\\s+|^\\s*(?:(?:step|stage|phase|part|section)\\s+)?\\d+(?:\\.\\d+)*\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Compiled once: {@code String.split("\\s+")} compiles it on every call, and words() runs per heading and name. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern QUALIFIER = Pattern.compile("\\s*(?:\\(|\\[|:|\\s[-\u2013\u2014]\\s|\\s[-\u2013\u2014]$).*$");

    private SectionMatcher() {
    }

    /** True when heading text matches the required title or one of the aliases. */
    public static boolean matches(String heading, List<String> names) {
        List<String> full = words(stripNumbering(cleanEmoji(heading)));
        List<String> cut = words(QUALIFIER.matcher(stripNumbering(cleanEmoji(heading))).replaceFirst(""));
        for (String name : names) {
            List<String> wanted = words(name);
            if (!wanted.isEmpty() && (wanted.equals(full) || wanted.equals(cut))) {
                return true;
            }
        }
        return false;
    }

    public static boolean matches(String heading, RequiredSection section) {
        return matches(heading, section.names());
    }

    /** Normalised words: lower case, punctuation dropped, "&", "+" and "and" removed as mere joiners. */
    public static List<String> words(String text) {
        String lower = cleanEmoji(text).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (c == '-' || c == '/') {
                // "Post-Mortem" and "Postmortem" should both read as one word; "CI/CD" as "cicd".
                continue;
            } else if (c == '\'' || c == '\u2019') {
                continue;
            } else {
                sb.append(' ');
            }
        }
        List<String> result = new ArrayList<>();
        for (String word : WHITESPACE.split(sb.toString().trim())) {
            if (!word.isEmpty() && !word.equals("and")) {
                result.add(word);
            }
        }
        return result;
    }

    private static String stripNumbering(String text) {
        return LEADING_NUMBER.matcher(text.strip()).replaceFirst("");
    }

    /** Removes emoji and other symbols so "🚀 Deployment Process" reads as "Deployment Process". */
    static String cleanEmoji(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                    || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F000 && cp <= 0x1FAFF);
            if (!symbol) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
