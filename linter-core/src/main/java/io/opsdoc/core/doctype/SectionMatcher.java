package io.opsdoc.core.doctype;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        return HeadingWords.of(heading).matchesAny(wanted(names));
    }

    public static boolean matches(String heading, RequiredSection section) {
        return matches(heading, section.names());
    }

    /**
     * A heading as {@link #matches} compares it: its words with the numbering stripped, whole and
     * without a trailing qualifier, each joined by single spaces (words hold no spaces, so equal
     * joined words are equal words).
     */
    private record HeadingWords(String full, String cut) {
        static HeadingWords of(String heading) {
            String unnumbered = stripNumbering(cleanEmoji(heading));
            return new HeadingWords(String.join(" ", words(unnumbered)),
                    String.join(" ", words(QUALIFIER.matcher(unnumbered).replaceFirst(""))));
        }

        boolean matchesAny(Set<String> wanted) {
            return wanted.contains(full) || wanted.contains(cut);
        }
    }

    /** The joined words of each name that has any (a name without words matches nothing). */
    private static Set<String> wanted(List<String> names) {
        Set<String> wanted = new HashSet<>();
        for (String name : names) {
            List<String> words = words(name);
            if (!words.isEmpty()) {
                wanted.add(String.join(" ", words));
            }
        }
        return wanted;
    }

    /**
     * The headings of one document, normalised once: a document is asked for many sections, and
     * {@link #matches} normalised every heading again for each question and each name.
     */
    public static final class Headings {
        private final List<HeadingWords> headings;

        private Headings(List<HeadingWords> headings) {
            this.headings = headings;
        }

        public static Headings of(List<String> titles) {
            List<HeadingWords> headings = new ArrayList<>(titles.size());
            titles.forEach(t -> headings.add(HeadingWords.of(t)));
            return new Headings(List.copyOf(headings));
        }

        /** The index of the first heading that {@link #matches} one of {@code names}, or -1. */
        public int first(List<String> names) {
            List<Integer> found = matching(names, 1);
            return found.isEmpty() ? -1 : found.get(0);
        }

        /** The indexes of all headings that {@link #matches} one of {@code names}, in order. */
        public List<Integer> all(List<String> names) {
            return matching(names, Integer.MAX_VALUE);
        }

        /** The indexes of the first {@code limit} headings that match one of {@code names}, in order. */
        private List<Integer> matching(List<String> names, int limit) {
            Set<String> wanted = wanted(names);
            List<Integer> result = new ArrayList<>();
            for (int i = 0; i < headings.size() && result.size() < limit; i++) {
                if (headings.get(i).matchesAny(wanted)) {
                    result.add(i);
                }
            }
            return result;
        }
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
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                    || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F000 && cp <= 0x1FAFF);
            if (!symbol) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
