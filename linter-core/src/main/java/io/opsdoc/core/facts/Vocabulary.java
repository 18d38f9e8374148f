package io.opsdoc.core.facts;

import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The one vocabulary of opsdoc: named lists of terms (tool names, synonyms, cue words) read from
 * {@code vocabulary.yaml} next to this class: {@code topic: [term, ...]}.
 * Terms are literal phrases matched case-insensitively as whole words; a space in a term also
 * matches a dash or underscore, so "docker compose" finds "docker-compose". Vocabulary is the last
 * layer of evidence: rules look at sections, code blocks and tables first.
 */
public final class Vocabulary {
    private final Map<String, List<String>> topics;
    /**
     * Each topic's pattern, compiled when a rule first asks for it: a one-file run uses a few
     * of the topics, and compiling all of them up front cost a noticeable part of its start-up.
     */
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    /** The pattern of each union of topics ({@link #words(List)}), by topics. */
    private final Map<List<String>, Pattern> unions = new ConcurrentHashMap<>();
    /** Each topic's terms lower-cased ({@link #list}), by topic. */
    private final Map<String, List<String>> lowerCased = new ConcurrentHashMap<>();
    /** The compiled form of each term list {@link #find} has searched for, by list. */
    private final Map<List<String>, Finder> finders = new ConcurrentHashMap<>();

    private Vocabulary(Map<String, List<String>> topics) {
        this.topics = Map.copyOf(topics);
    }

    /** Loaded on first use, immutable afterwards (holder idiom). */
    private static final class Holder {
        static final Vocabulary INSTANCE = load(Vocabulary.class, "vocabulary.yaml");
    }

    /** The built-in vocabulary. */
    public static Vocabulary get() {
        return Holder.INSTANCE;
    }

    /** Loads {@code resource} next to {@code anchor}; fails loudly when the jar lacks it (a build error). */
    public static Vocabulary load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the opsdoc jar");
            }
            Object root = new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, List<String>> map = new LinkedHashMap<>();
            if (root instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    List<String> terms = new ArrayList<>();
                    if (v instanceof Collection<?> c) {
                        c.forEach(t -> terms.add(String.valueOf(t)));
                    }
                    map.put(String.valueOf(k), List.copyOf(terms));
                });
            }
            return new Vocabulary(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> terms(String topic) {
        List<String> terms = topics.get(topic);
        if (terms == null) {
            throw new IllegalArgumentException("unknown vocabulary topic " + topic);
        }
        return terms;
    }

    /** The terms of {@code topic}, stripped and lower-cased (once per topic). */
    public List<String> list(String topic) {
        return lowerCased.computeIfAbsent(topic,
                t -> terms(t).stream().map(term -> term.strip().toLowerCase(Locale.ROOT)).toList());
    }

    /** One case-insensitive whole-word pattern matching any term of {@code topic}, longest first. */
    public Pattern words(String topic) {
        return patterns.computeIfAbsent(topic, t -> alternation(terms(t)));
    }

    /**
     * One pattern for the terms of all {@code topics} ({@link #alternation} of their terms in order),
     * compiled when first asked for and kept, like {@link #words(String)}.
     */
    public Pattern words(List<String> topics) {
        return unions.computeIfAbsent(List.copyOf(topics), ts -> {
            List<String> terms = new ArrayList<>();
            ts.forEach(t -> terms.addAll(terms(t)));
            return alternation(terms);
        });
    }

    /** Not inside a word: no letter or digit right before. */
    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";

    /** Not inside a word: no letter or digit right after. */
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";

    /** One pattern for all of {@code terms}, longest term first so that "hashicorp vault" wins over "vault". */
    public static Pattern alternation(Collection<String> terms) {
        List<String> sorted = new ArrayList<>();
        for (String t : terms) {
            if (!t.isBlank()) {
                sorted.add(t);
            }
        }
        sorted.sort((a, b) -> b.length() - a.length());
        // Terms that start with a letter or digit share one look-behind and a look-ahead on their
        // possible first characters, so most positions of a long text fail after one character test
        // instead of trying every term (a 5 MB document spent a minute here). Only terms of the same
        // group can match at one position, so the order of the alternatives, longest first, is kept.
        StringBuilder words = new StringBuilder();
        StringBuilder firsts = new StringBuilder();
        StringBuilder others = new StringBuilder();
        // The same terms grouped by their first character when every such character is an ASCII
        // letter or digit (all built-in terms): see asciiGroups.
        Map<Character, List<String>> groups = new LinkedHashMap<>();
        boolean ascii = true;
        for (String term : sorted) {
            String t = term.strip().toLowerCase(Locale.ROOT);
            String alternative = regex(term);
            if (Character.isLetterOrDigit(t.charAt(0))) {
                alternative = alternative.substring(WORD_START.length());
                words.append(words.length() > 0 ? "|" : "").append(alternative);
                int first = t.codePointAt(0);
                appendHexEscape(firsts, first);
                int upper = Character.toUpperCase(first);
                if (upper != first) {
                    appendHexEscape(firsts, upper);
                }
                if (caseVariants(first).isEmpty()) {
                    ascii = false;
                } else {
                    groups.computeIfAbsent((char) first, k -> new ArrayList<>()).add(alternative);
                }
            } else {
                others.append(others.length() > 0 ? "|" : "").append(alternative);
            }
        }
        StringBuilder sb = new StringBuilder("(?:");
        if (words.length() > 0) {
            if (ascii) {
                asciiGroups(groups, false, sb);
            } else {
                sb.append(WORD_START).append("(?=[").append(firsts).append("])(?:").append(words).append(')');
            }
        }
        if (others.length() > 0) {
            sb.append(words.length() > 0 ? "|" : "").append("(?:").append(others).append(')');
        }
        if (sorted.isEmpty()) {
            sb.append("(?!)");
        }
        return Pattern.compile(sb.append(')').toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The word terms as one look-ahead on all their first characters and {@link #WORD_START}, then
     * per first character a look-ahead and that character's terms (in the order given), each in a
     * capturing group when {@code capture}. The look-aheads list the characters that match
     * case-insensitively outright ({@link #caseVariants}), which Java tests much faster than a
     * case-insensitive class; and a position tries only the terms that can start there. Both change
     * nothing: the terms of other groups cannot match the position's first character.
     *
     * @param groups per lower-case ASCII letter or digit, the patterns of the terms starting with
     *     it, without their {@link #WORD_START}
     */
    private static void asciiGroups(Map<Character, List<String>> groups, boolean capture, StringBuilder sb) {
        StringBuilder all = new StringBuilder();
        groups.keySet().forEach(c -> all.append(caseVariants(c)));
        sb.append("(?=(?-iu)[").append(all).append("])").append(WORD_START).append("(?:");
        boolean firstGroup = true;
        for (Map.Entry<Character, List<String>> group : groups.entrySet()) {
            sb.append(firstGroup ? "" : "|").append("(?=(?-iu)[").append(caseVariants(group.getKey())).append("])(?:");
            boolean firstTerm = true;
            for (String alternative : group.getValue()) {
                sb.append(firstTerm ? "" : "|").append(capture ? "(" : "").append(alternative).append(capture ? ")" : "");
                firstTerm = false;
            }
            sb.append(')');
            firstGroup = false;
        }
        sb.append(')');
    }

    /**
     * The characters that a case-insensitive Unicode pattern matches for the lower-case ASCII letter
     * or digit {@code c} (its two cases, and for i, k and s the dotted/dotless I, the Kelvin sign and
     * the long s), written for a character class; empty for any other character.
     */
    static String caseVariants(int c) {
        if (c >= '0' && c <= '9') {
            return String.valueOf((char) c);
        }
        if (c < 'a' || c > 'z') {
            return "";
        }
        String both = String.valueOf((char) c) + (char) Character.toUpperCase(c);
        return switch (c) {
            case 'i' -> both + "\u0130\u0131";
            case 'k' -> both + "\u212a";
            case 's' -> both + "\u017f";
            default -> both;
        };
    }

    /** The option that replaces the built-in list of {@code topic}. */
    public OptionSpec<List<String>> option(String topic, String description) {
        return OptionSpec.stringList(topic, terms(topic), description);
    }

    /** The option that extends the built-in list of {@code topic}. */
    public static OptionSpec<List<String>> extraOption(String topic, String description) {
        return OptionSpec.stringList(RuleOptions.EXTRA_PREFIX + topic, List.of(), description);
    }

    /** Both options for {@code topic}: replace and extend. */
    public List<OptionSpec<List<String>>> options(String topic, String what) {
        return List.of(option(topic, what + " (replaces the built-in list)"),
                extraOption(topic, what + " added to the built-in list"));
    }

    /**
     * The effective terms of {@code topic}, read through the typed specs {@link #options} declares:
     * the configured list (or the built-in one when it is unset or empty) plus {@code extra-topic}.
     */
    public List<String> effective(RuleOptions options, String topic) {
        List<String> result = new ArrayList<>(options.get(option(topic, "")));
        result.addAll(options.get(extraOption(topic, "")));
        return result.isEmpty() ? terms(topic) : result;
    }

    /** A match of a term in a text. */
    public record Match(String term, int start, int end) {
    }

    /**
     * The earliest occurrence of any of {@code terms} in {@code text}; of terms starting at the
     * same place, the first listed. One search of one pattern per term list, compiled once per list
     * (see {@link Finder}); the search used to lower-case the text, scan it once per term and
     * compile a pattern per term on every call.
     */
    public static Optional<Match> find(CharSequence text, Collection<String> terms) {
        return get().finder(terms).find(text);
    }

    /** Term lists that get a cached {@link Finder}: rules pass a few dozen fixed or configured lists. */
    private static final int MAX_FINDERS = 1024;

    /** The finder of {@code terms}, compiled on first request and kept (up to {@link #MAX_FINDERS} lists). */
    private Finder finder(Collection<String> terms) {
        List<String> key = terms instanceof List<String> list ? list : new ArrayList<>(terms);
        Finder finder = finders.get(key);
        if (finder == null) {
            finder = Finder.of(List.copyOf(key));
            if (finders.size() < MAX_FINDERS) {
                finders.putIfAbsent(finder.terms(), finder);
            }
        }
        return finder;
    }

    /**
     * One term list compiled for {@link #find}: the terms' own patterns as alternatives, each in a
     * capturing group that names its term. At each position Java tries the alternatives in order,
     * so the first match is the earliest and, at one start, the first listed term that matches
     * there, with the end that term's own pattern gives there: what searching each term alone and
     * keeping the earliest (first listed on a tie) gives. As in {@link #alternation}, terms starting
     * with an ASCII letter or digit are grouped by that character behind look-aheads, so most
     * positions fail after one character test; the groups keep the list order, and only one group
     * can match at a position, so the order between groups does not matter. That needs every other
     * term to start with a character no ASCII letter or digit matches; otherwise the plain list is
     * the pattern.
     *
     * @param terms the list as given (the cache key)
     * @param pattern the alternation, null when every term is blank
     * @param termOfGroup for each capturing group, the index of its term in {@code terms}
     * @param asciiFirstWord per term, its lower-cased first word when that is ASCII, else null
     */
    private record Finder(List<String> terms, Pattern pattern, int[] termOfGroup, String[] asciiFirstWord) {
        static Finder of(List<String> terms) {
            String[] firstWords = new String[terms.size()];
            String[] regexes = new String[terms.size()];
            Map<Character, List<Integer>> groups = new LinkedHashMap<>();
            List<Integer> others = new ArrayList<>();
            boolean grouped = true;
            for (int i = 0; i < terms.size(); i++) {
                String term = terms.get(i);
                if (term.isBlank()) {
                    continue;
                }
                String t = term.strip().toLowerCase(Locale.ROOT);
                regexes[i] = regex(term);
                String first = firstWord(t);
                firstWords[i] = isAscii(first) ? first : null;
                char c = t.charAt(0);
                if (c < 0x80 && Character.isLetterOrDigit(c)) {
                    groups.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
                } else {
                    others.add(i);
                    int folded = Character.toLowerCase(Character.toUpperCase(t.codePointAt(0)));
                    grouped &= !(folded < 0x80 && Character.isLetterOrDigit(folded));
                }
            }
            if (groups.isEmpty() && others.isEmpty()) {
                return new Finder(terms, null, new int[0], firstWords);
            }
            List<Integer> groupTerms = new ArrayList<>();
            groupTerms.add(-1);
            StringBuilder sb = new StringBuilder();
            if (!grouped) {
                for (int i = 0; i < terms.size(); i++) {
                    if (!terms.get(i).isBlank()) {
                        sb.append(groupTerms.size() > 1 ? "|" : "").append('(').append(regexes[i]).append(')');
                        groupTerms.add(i);
                    }
                }
            } else {
                if (!groups.isEmpty()) {
                    // Terms that end with a letter or digit end with WORD_END; when all of them
                    // do, the alternation is followed by one WORD_END instead: a term whose end
                    // fails it backtracks to the next term as before, and each compiled lookahead
                    // was a noticeable part of compiling the list.
                    boolean sharedEnd = groups.values().stream().flatMap(List::stream)
                            .allMatch(i -> regexes[i].endsWith(WORD_END));
                    Map<Character, List<String>> alternatives = new LinkedHashMap<>();
                    groups.forEach((c, members) -> {
                        List<String> patterns = new ArrayList<>();
                        for (int i : members) {
                            // Every term here starts with a letter or digit: its pattern starts with
                            // WORD_START, which the groups share.
                            String alternative = regexes[i].substring(WORD_START.length());
                            patterns.add(sharedEnd ? alternative.substring(0, alternative.length() - WORD_END.length())
                                    : alternative);
                            groupTerms.add(i);
                        }
                        alternatives.put(c, patterns);
                    });
                    asciiGroups(alternatives, true, sb);
                    sb.append(sharedEnd ? WORD_END : "");
                }
                for (int i : others) {
                    sb.append(groupTerms.size() > 1 ? "|" : "").append('(').append(regexes[i]).append(')');
                    groupTerms.add(i);
                }
            }
            int[] termOfGroup = groupTerms.stream().mapToInt(Integer::intValue).toArray();
            return new Finder(terms, Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    termOfGroup, firstWords);
        }

        Optional<Match> find(CharSequence text) {
            if (pattern == null) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return Optional.empty();
            }
            int group = 1;
            while (m.start(group) < 0) {
                group++;
            }
            int term = termOfGroup[group];
            String first = asciiFirstWord[term];
            // The search this replaces skipped a term whose ASCII first word the lower-cased text
            // lacks, which only differs from its pattern where the text has a dotless i, dotted I or
            // long s (they match i and s case-insensitively but lower-case to something else); then
            // that search decides, so that no finding changes.
            if (first != null && !text.subSequence(m.start(), m.start() + first.length()).toString()
                    .toLowerCase(Locale.ROOT).equals(first)) {
                return findEach(text, terms);
            }
            return Optional.of(new Match(terms.get(term), m.start(), m.end()));
        }
    }

    /**
     * The search {@link #find} made before {@link Finder}: each term on its own, skipping an ASCII
     * term whose first word the lower-cased text lacks, keeping the earliest match.
     */
    private static Optional<Match> findEach(CharSequence text, Collection<String> terms) {
        Match best = null;
        String lower = null;
        for (String term : terms) {
            if (term.isBlank()) {
                continue;
            }
            String firstWord = firstWord(term.strip().toLowerCase(Locale.ROOT));
            if (isAscii(firstWord)) {
                lower = lower == null ? text.toString().toLowerCase(Locale.ROOT) : lower;
                if (!lower.contains(firstWord)) {
                    continue;
                }
            }
            Matcher m = pattern(term).matcher(text);
            if (m.find() && (best == null || m.start() < best.start())) {
                best = new Match(term, m.start(), m.end());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The text up to the first regex whitespace ({@code [ \\t\\n\\x0B\\f\\r]}) of a stripped term:
     * what {@code split("\\s+", 2)[0]} gives, without compiling that pattern on every call.
     */
    static String firstWord(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            switch (stripped.charAt(i)) {
                case ' ', '\t', '\n', '\u000B', '\f', '\r' -> {
                    return stripped.substring(0, i);
                }
                default -> {
                }
            }
        }
        return stripped;
    }

    /** A character of {@code \\s} in a regex: {@code [ \\t\\n\\x0B\\f\\r]}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code \x{h...h}}, the regex escape of a code point, as {@code String.format("\\x{%x}", c)} writes it. */
    static StringBuilder appendHexEscape(StringBuilder sb, int codePoint) {
        return sb.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }

    /** True when {@code text} holds any of {@code terms} (see {@link #find}). */
    public static boolean contains(CharSequence text, Collection<String> terms) {
        return find(text, terms).isPresent();
    }

    public static Pattern pattern(String term) {
        return Pattern.compile(regex(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The source of {@link #pattern}: {@link #alternation} joins these without compiling each term. */
    private static String regex(String term) {
        String t = term.strip().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        if (Character.isLetterOrDigit(t.charAt(0))) {
            sb.append(WORD_START);
        }
        // The words of the term split at runs of regex whitespace, as a split at "\\s+" gives them
        // (t is stripped, so no empty first word), without a matcher and list per term.
        int start = 0;
        while (start < t.length()) {
            int end = start;
            while (end < t.length() && !isRegexSpace(t.charAt(end))) {
                end++;
            }
            sb.append(Pattern.quote(t.substring(start, end)));
            start = end;
            while (start < t.length() && isRegexSpace(t.charAt(start))) {
                start++;
            }
            if (start < t.length()) {
                sb.append("[\\s_-]+");
            }
        }
        if (Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
            sb.append(WORD_END);
        }
        return sb.toString();
    }
}
