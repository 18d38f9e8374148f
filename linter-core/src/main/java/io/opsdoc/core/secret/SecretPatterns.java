package io.opsdoc.core.secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The data table {@code secrets.yaml}: credential shapes, secret-named keys, and the values
 * that are references or placeholders rather than secrets. One table serves the
 * {@code security/hardcoded-secret} rule and {@link SecretMask}, so what the rule flags in a
 * document is what every message and report masks.
 */
public final class SecretPatterns {
    private static final String RESOURCE = "secrets.yaml";
    private static final Pattern BOOLEAN_OR_NUMBER = Pattern.compile(
            "(?i)true|false|yes|no|on|off|null|nil|none|~|[-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?|0x[0-9a-f]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern VALUE_WORDS = Pattern.compile("[^a-z0-9]+");
    /** Below this length a literal is not a credential worth reporting ("abc"). */
    private static final int MIN_LITERAL_LENGTH = 4;
    /** Characters a free-text value may end with that belong to the sentence, not to the value. */
    private static final String SENTENCE_END = ".,;!?)";
    /** Characters of program code that a credential written in prose does not contain. */
    private static final String CODE_SYNTAX = "{}()[]&:";
    /** What ends the user and the password of {@code url-credentials}: its excluded characters ({@code \s} is ASCII). */
    private static final String USER_EXCLUDED = " \t\n\u000B\f\r:/@'\"<>()[]`";
    private static final String PASSWORD_EXCLUDED = " \t\n\u000B\f\r@/'\"<>()`";

    /**
     * One credential shape. {@code anchors} are literal strings the regex cannot match without;
     * a match (with any lookbehind it needs) lies within one line that holds one of them, so
     * only such lines are searched. A shape without anchors is searched everywhere.
     */
    public record Shape(String kind, Pattern pattern, List<String> anchors) {
        /** False when none of the literal anchors occurs, so the regex cannot match: skip it cheaply. */
        public boolean mayOccurIn(String text) {
            if (anchors.isEmpty()) {
                return true;
            }
            for (String anchor : anchors) {
                if (text.contains(anchor)) {
                    return true;
                }
            }
            return false;
        }

        /** Every match in {@code text}, in order, as a plain {@code find()} loop over the whole text finds them. */
        void forEachMatch(String text, java.util.function.Consumer<Matcher> action) {
            forEachMatch(text, null, action);
        }

        /** As {@link #forEachMatch(String, java.util.function.Consumer)}, with the lines of the anchors found already. */
        void forEachMatch(String text, AnchorLines found, java.util.function.Consumer<Matcher> action) {
            if (anchors.isEmpty()) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    action.accept(m);
                }
                return;
            }
            int[] lines = found != null ? found.linesHolding(anchors) : linesHolding(text, anchors);
            if (lines.length == 0) {
                return;
            }
            // Transparent bounds: lookbehinds and lookaheads still see the text around the line.
            Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int lineStart : lines) {
                int lineEnd = text.indexOf('\n', lineStart);
                m.region(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                while (m.find()) {
                    action.accept(m);
                }
            }
        }
    }

    /**
     * A secret found in text: {@code [start, end)} is the secret itself; {@code key} is the
     * secret-named key it was assigned to, or empty for a credential recognised by its shape
     * ({@code kind} then names the shape) or a password in a URL ({@code key} empty, {@code host} set).
     */
    public record Found(int start, int end, String kind, Optional<String> key, Optional<String> host) {
    }

    private record Data(List<Shape> shapes, Pattern urlCredentials, Set<String> localHosts, List<String> localSuffixes,
            Set<String> lastWords, Set<String> lastPairs, Set<String> nonSecretWords, Set<String> nonSecretKeys,
            List<Pattern> references, Set<String> placeholderValues, List<Pattern> placeholderPatterns,
            Set<String> fillerWords, Pattern textAssignment, Set<String> textNonSecretValues, List<Shape> maskPatterns,
            Set<String> textNonSecretQueryKeys, List<String> keyWords) {
    }

    private static final class Holder {
        static final Data DATA = load();
        /** Per letter {@code c - 'a'}, the key words starting with it, in list order (key words are checked to start with a-z). */
        static final String[][] KEY_WORDS_BY_INITIAL = byInitial(DATA.keyWords());
        /** The anchors of every credential shape and mask pattern, searched for in one pass. */
        static final AnchorLines.Anchors ANCHORS = new AnchorLines.Anchors(java.util.stream.Stream.concat(
                DATA.shapes().stream(), DATA.maskPatterns().stream()).map(Shape::anchors).toList());
    }

    private SecretPatterns() {
    }

    public static List<Shape> shapes() {
        return Holder.DATA.shapes();
    }

    /** The looser shapes that only mask printed text ({@code mask-patterns}). */
    static List<Shape> maskShapes() {
        return Holder.DATA.maskPatterns();
    }

    public static Pattern urlCredentials() {
        return Holder.DATA.urlCredentials();
    }

    public static boolean localHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return Holder.DATA.localHosts().contains(h) || Holder.DATA.localSuffixes().stream().anyMatch(h::endsWith);
    }

    /**
     * What kind of secret a key named {@code key} holds ("password", "token", "API key"...), or
     * empty when the name does not denote a secret.
     */
    public static Optional<String> secretKind(String key) {
        if (Holder.DATA.nonSecretKeys().contains(key.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> words = words(key);
        if (words.isEmpty() || words.stream().anyMatch(Holder.DATA.nonSecretWords()::contains)) {
            return Optional.empty();
        }
        String last = words.get(words.size() - 1);
        if (words.size() >= 2) {
            String pair = words.get(words.size() - 2) + " " + last;
            if (Holder.DATA.lastPairs().contains(pair)) {
                return Optional.of(pair.equals("api key") ? "API key" : pair);
            }
        }
        if (Holder.DATA.lastWords().contains(last)) {
            return Optional.of(switch (last) {
                case "passwd", "pwd", "passphrase" -> "password";
                case "apikey" -> "API key";
                case "credentials" -> "credential";
                default -> last;
            });
        }
        return Optional.empty();
    }

    /**
     * True when the value only repeats its key or names what it stands for
     * ({@code client_secret: client_secret_value}, {@code api_key: my-api-key},
     * {@code client_secret: some-secret}, {@code secret: shhhh! it's a GitHub secret}):
     * documentation filler, not a credential.
     */
    public static boolean echoesKey(String key, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String v = lower.replaceAll("[^a-z0-9]", "");
        // "password123" keeps a real (weak) password; only filler words around the key name are an echo.
        if (k.length() >= 4 && v.contains(k) && fillerOnly(v.replace(k, ""))) {
            return true;
        }
        List<String> valueWords = List.of(VALUE_WORDS.split(lower)).stream().filter(w -> !w.isEmpty()).toList();
        if (valueWords.isEmpty()) {
            return false;
        }
        // Every word is a secret word or filler: "some-secret", "secret-password", "my_token".
        boolean onlyNames = valueWords.stream().allMatch(w -> secretWord(w) || Holder.DATA.fillerWords().contains(w));
        if (onlyNames && valueWords.stream().anyMatch(SecretPatterns::secretWord)) {
            return true;
        }
        // A phrase that describes itself ("it's a GitHub secret") is a sentence, not a credential.
        return value.strip().contains(" ") && valueWords.size() >= 3 && valueWords.stream().anyMatch(SecretPatterns::secretWord);
    }

    private static boolean secretWord(String word) {
        return Holder.DATA.lastWords().contains(word) || word.equals("key");
    }

    private static boolean fillerOnly(String rest) {
        String remaining = rest;
        boolean changed = true;
        while (!remaining.isEmpty() && changed) {
            changed = false;
            for (String filler : Holder.DATA.fillerWords()) {
                if (remaining.startsWith(filler)) {
                    remaining = remaining.substring(filler.length());
                    changed = true;
                    break;
                }
            }
        }
        return remaining.isEmpty();
    }

    /** True when {@code value} is a literal that could be a real secret (not a reference, placeholder, flag or number). */
    public static boolean literal(String value) {
        String v = value.strip();
        if (v.length() < MIN_LITERAL_LENGTH || BOOLEAN_OR_NUMBER.matcher(v).matches()) {
            return false;
        }
        return !reference(v) && !placeholder(v);
    }

    public static boolean reference(String value) {
        return Holder.DATA.references().stream().anyMatch(p -> p.matcher(value).find());
    }

    public static boolean placeholder(String value) {
        String v = value.strip();
        return Holder.DATA.placeholderValues().contains(v.toLowerCase(Locale.ROOT))
                || Holder.DATA.placeholderPatterns().stream().anyMatch(p -> p.matcher(v).find());
    }

    /** Documented or masked tokens: "example" and friends, or hardly any distinct characters after the prefix. */
    public static boolean placeholderToken(String token) {
        if (placeholder(token)) {
            return true;
        }
        String body = token.length() > 4 ? token.substring(4) : token;
        long distinct = body.chars().filter(Character::isLetterOrDigit).distinct().count();
        return distinct <= 4;
    }

    /** Lower-case words of a key: split at _, -, ., spaces and camelCase humps. */
    public static List<String> words(String key) {
        // By hand rather than with split(): this runs for every key in every block, and
        // String.split compiles a pattern each time. Separators as [_\-.\s/:]+ (\s is ASCII),
        // humps as (?<=[a-z0-9])(?=[A-Z]).
        List<String> result = new ArrayList<>();
        int start = 0;
        int n = key.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? key.charAt(i) : ' ';
            boolean separator = c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == ' ' || c == '\t'
                    || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            boolean hump = i > start && c >= 'A' && c <= 'Z' && lowerOrDigit(key.charAt(i - 1));
            if (separator || hump) {
                if (i > start) {
                    result.add(key.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = separator ? i + 1 : i;
            }
        }
        return result;
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Credentials recognised by their shape anywhere in {@code text} (placeholders such as AWS's {@code …EXAMPLE} keys excluded). */
    public static List<Found> shapesIn(String text) {
        List<Found> result = new ArrayList<>();
        AnchorLines found = anchorLines(text);
        for (Shape shape : shapes()) {
            shape.forEachMatch(text, found, m -> {
                if (!placeholderToken(m.group())) {
                    result.add(new Found(m.start(), m.end(), shape.kind(), Optional.empty(), Optional.empty()));
                }
            });
        }
        return result;
    }

    /**
     * Text that must not be printed even where the rule would not report it: webhook paths and
     * token prefixes, placeholders included (the table's {@code mask-patterns}).
     */
    public static List<Found> maskedShapesIn(String text) {
        List<Found> result = new ArrayList<>();
        AnchorLines found = anchorLines(text);
        for (Shape shape : Holder.DATA.maskPatterns()) {
            shape.forEachMatch(text, found, m -> result.add(new Found(m.start(), m.end(), "secret", Optional.empty(),
                    Optional.empty())));
        }
        return result;
    }

    /**
     * Below this length (the lines a finding points at, which every report is checked for) the
     * anchors are searched one by one: cheaper than the one-pass scan's set-up.
     */
    private static final int ONE_PASS_MIN_LENGTH = 1024;

    /** The lines of every anchor in {@code text} found in one pass, or null for a short text. */
    private static AnchorLines anchorLines(String text) {
        return text.length() < ONE_PASS_MIN_LENGTH ? null : AnchorLines.scan(text, Holder.ANCHORS);
    }

    /** Starts of the lines of {@code text} that hold one of {@code anchors}, ascending and distinct. */
    static int[] linesHolding(String text, List<String> anchors) {
        int[] starts = new int[8];
        int count = 0;
        for (String anchor : anchors) {
            for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
                int lineStart = text.lastIndexOf('\n', at) + 1;
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = lineStart;
                // The rest of this line is covered already.
                int lineEnd = text.indexOf('\n', at);
                if (lineEnd < 0) {
                    break;
                }
                at = lineEnd;
            }
        }
        return sortedDistinct(starts, count);
    }

    private static final int[] NO_LINES = new int[0];

    private static int[] sortedDistinct(int[] values, int count) {
        if (count == 0) {
            return NO_LINES;
        }
        java.util.Arrays.sort(values, 0, count);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return java.util.Arrays.copyOf(values, distinct);
    }

    /** Literal passwords in {@code user:password@host} URLs to hosts that are not local. */
    public static List<Found> urlPasswordsIn(String text) {
        return urlPasswordsIn(text, true);
    }

    /** {@link #urlPasswordsIn(String)}, with or without the cheap test before each regex search (tests compare both). */
    static List<Found> urlPasswordsIn(String text, boolean prefilter) {
        List<Found> result = new ArrayList<>();
        // Only the neighbourhood of each "://" can hold user:password@host; scanning just there
        // keeps this linear on long prose lines.
        Matcher url = urlCredentials().matcher(text).useTransparentBounds(true);
        int lastEnd = -1;
        for (int scheme = text.indexOf("://"); scheme >= 0; scheme = text.indexOf("://", scheme + 3)) {
            int from = Math.max(lastEnd, scheme - 22);
            int lineEnd = text.indexOf('\n', scheme);
            int to = lineEnd < 0 ? text.length() : lineEnd;
            if (from < 0) {
                from = 0;
            }
            if (from >= to || prefilter && !credentialsFollow(text, scheme + 3, to)) {
                continue;
            }
            url.region(from, to);
            if (!url.find() || url.start() > scheme) {
                continue;
            }
            lastEnd = url.end();
            String password = url.group("password");
            String host = url.group("host");
            if (localHost(host) || !literal(password)) {
                continue;
            }
            result.add(new Found(url.start("password"), url.end("password"), "password", Optional.empty(),
                    Optional.of(host)));
        }
        return result;
    }

    /**
     * True when {@code user:password@} can start at {@code at} (right after "://"): a match of
     * {@code url-credentials} for this scheme needs a user up to the first ':', then a password
     * up to the first '@' (neither part may hold white space, quotes, brackets or '/'). Most URLs
     * have none, and this skips the regex for them.
     */
    private static boolean credentialsFollow(String text, int at, int lineEnd) {
        int i = at;
        while (i < lineEnd && USER_EXCLUDED.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        if (i == at || i >= lineEnd || text.charAt(i) != ':') {
            return false;
        }
        int passwordStart = ++i;
        while (i < lineEnd && PASSWORD_EXCLUDED.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i > passwordStart && i < lineEnd && text.charAt(i) == '@';
    }

    /**
     * {@code key=value} and {@code key: value} in free text (prose, tables, untagged blocks,
     * messages) where the key is secret-named and the value looks like a credential:
     * {@code password=hunter2}, {@code The admin password: hunter2}. Prose is not configuration,
     * so the value must also look made up (letters with digits or symbols, not a product or
     * algorithm name), and after a colon it must end the clause: "password: see 1Password" and
     * "API key: 32-char hex string" are descriptions.
     */
    public static List<Found> assignmentsIn(String text) {
        List<Found> result = new ArrayList<>();
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return result;
        }
        // A match is within one line (no pattern part crosses a line break), and only a key whose
        // last word is a secret word is kept: lines without such a word before '=' or ':' are
        // skipped without running the regex. Each line is searched exactly as the whole text was.
        return assignmentsIn(text, linesWithSecretKey(text));
    }

    /** {@link #assignmentsIn(String)} searching only the lines starting at {@code lineStarts} (ascending). */
    static List<Found> assignmentsIn(String text, int[] lineStarts) {
        List<Found> result = new ArrayList<>();
        Matcher m = Holder.DATA.textAssignment().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int lineStart : lineStarts) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            from = Math.max(from, lineStart);
            while (from < lineEnd && m.region(from, lineEnd).find()) {
                from = assignment(text, m, result);
            }
        }
        return result;
    }

    /**
     * Checks one match of {@code text-assignment}, adding it to {@code result} when it is a secret;
     * returns where the next search starts.
     */
    private static int assignment(String text, Matcher m, List<Found> result) {
        // A match that is no secret may hold one in its value ("console: password=hunter2"):
        // the next search starts right after its separator.
        int next = m.start("sep") + 1;
        String key = m.group("key");
        Optional<String> kind = secretKind(key);
        if (kind.isEmpty()) {
            // "The admin password": the one-word tail may be the key on its own.
            int space = key.lastIndexOf(' ');
            if (space < 0) {
                return next;
            }
            key = key.substring(space + 1);
            kind = secretKind(key);
            if (kind.isEmpty()) {
                return next;
            }
        }
        int keyStart = m.start("key");
        if (keyStart > 0 && (text.charAt(keyStart - 1) == '?' || text.charAt(keyStart - 1) == '&')
                && Holder.DATA.textNonSecretQueryKeys().contains(key.toLowerCase(Locale.ROOT))) {
            return next;
        }
        int start = m.start("value");
        int end = m.end("value");
        if (placeholder(m.group("value"))) {
            // Checked before sentence punctuation is cut: "eyJhbGciOi..." is elided.
            return next;
        }
        while (end > start && SENTENCE_END.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String value = text.substring(start, end);
        boolean colon = m.group("sep").equals(":");
        if (!textSecretValue(key, value) || colon && !endsClause(text, m.end("value"))) {
            return next;
        }
        result.add(new Found(start, end, kind.get(), Optional.of(key), Optional.empty()));
        return m.end("value");
    }

    /**
     * Starts of the lines that may hold a secret-named key in free text, ascending and distinct.
     * A match's key ends right before blanks and its '=' or ':'; its last space-separated part is
     * the whole run of word characters, dots and dashes there (the pattern's look-behind), at most
     * {@value #MAX_KEY_PART} long, and a secret key's last word (or the "key" of "API key") lies
     * in that run, so the run contains one of {@code keyWords} ignoring case. Keys are ASCII (the
     * pattern's {@code \w}), so comparing ignoring ASCII case is exact. Only the separators are
     * visited (found with {@link String#indexOf(int, int)}), and only the short run before each.
     */
    static int[] linesWithSecretKey(String text) {
        int[] starts = new int[8];
        int count = 0;
        int lastLineEnd = -1;
        int eq = text.indexOf('=');
        int colon = text.indexOf(':');
        while (eq >= 0 || colon >= 0) {
            int sep;
            if (colon < 0 || eq >= 0 && eq < colon) {
                sep = eq;
                eq = text.indexOf('=', eq + 1);
            } else {
                sep = colon;
                colon = text.indexOf(':', colon + 1);
            }
            if (sep < lastLineEnd || !secretKeyBefore(text, sep)) {
                continue;
            }
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = text.lastIndexOf('\n', sep) + 1;
            int lineEnd = text.indexOf('\n', sep);
            lastLineEnd = lineEnd < 0 ? text.length() : lineEnd;
        }
        return count == 0 ? NO_LINES : java.util.Arrays.copyOf(starts, count);
    }

    /** Longest last part of a key the {@code text-assignment} pattern accepts: [A-Za-z][\w.-]{0,63}. */
    private static final int MAX_KEY_PART = 64;

    /** True when the run of key characters before the blanks before {@code sep} holds a secret key word. */
    private static boolean secretKeyBefore(String text, int sep) {
        int end = sep;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        int start = end;
        while (start > 0 && keyChar(text.charAt(start - 1))) {
            start--;
            if (end - start > MAX_KEY_PART) {
                return false;
            }
        }
        String[][] byInitial = Holder.KEY_WORDS_BY_INITIAL;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            String[] words = lower < 'a' || lower > 'z' ? null : byInitial[lower - 'a'];
            if (words == null) {
                continue;
            }
            for (String word : words) {
                if (i + word.length() <= end && text.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words grouped by first letter (a-z), list order kept; null for a letter no word starts with. */
    private static String[][] byInitial(List<String> words) {
        String[][] result = new String[26][];
        for (String word : words) {
            String[] group = result[word.charAt(0) - 'a'];
            group = group == null ? new String[1] : java.util.Arrays.copyOf(group, group.length + 1);
            group[group.length - 1] = word;
            result[word.charAt(0) - 'a'] = group;
        }
        return result;
    }

    private static boolean keyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** True when {@code value}, written after a secret-named key in free text, looks like a credential. */
    static boolean textSecretValue(String key, String value) {
        if (!literal(value) || echoesKey(key, value)
                || Holder.DATA.textNonSecretValues().contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (value.chars().anyMatch(c -> CODE_SYNTAX.indexOf(c) >= 0)) {
            // Code, not a value: &syscall.Credential{Uid:, Devise.friendly_token.first(16).
            return false;
        }
        boolean letter = value.chars().anyMatch(Character::isLetter);
        boolean digitOrSymbol = value.chars().anyMatch(c -> Character.isDigit(c) || "!@#$%^&*+=_~".indexOf(c) >= 0);
        return letter && digitOrSymbol;
    }

    /** After a "key: value", the value is the whole statement: line end, sentence punctuation or a table cell border follows. */
    private static boolean endsClause(String text, int valueEnd) {
        int i = valueEnd;
        while (i < text.length() && (text.charAt(i) == '`' || text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '|'
                || text.startsWith("<!--", i) || text.charAt(i) == '(' || text.charAt(i) == '#';
    }

    @SuppressWarnings("unchecked")
    private static Data load() {
        try (InputStream in = SecretPatterns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Shape> shapes = shapes(root, "patterns", null);
            Set<String> lastWords = Set.copyOf(strings(root, "secret-last-words"));
            Set<String> lastPairs = Set.copyOf(strings(root, "secret-last-pairs"));
            return new Data(shapes,
                    Pattern.compile(String.valueOf(root.get("url-credentials"))),
                    Set.copyOf(strings(root, "local-hosts")),
                    strings(root, "local-host-suffixes"),
                    lastWords,
                    lastPairs,
                    Set.copyOf(strings(root, "non-secret-words")),
                    Set.copyOf(strings(root, "non-secret-keys")),
                    strings(root, "references").stream().map(Pattern::compile).toList(),
                    lowerSet(strings(root, "placeholder-values")),
                    strings(root, "placeholder-patterns").stream().map(Pattern::compile).toList(),
                    lowerSet(strings(root, "filler-words")),
                    Pattern.compile(String.valueOf(root.get("text-assignment"))),
                    lowerSet(strings(root, "text-non-secret-values")),
                    shapes(root, "mask-patterns", "secret"),
                    lowerSet(strings(root, "text-non-secret-query-keys")),
                    keyWords(lastWords, lastPairs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Shape> shapes(Map<String, Object> root, String key, String kind) {
        List<Shape> shapes = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) root.get(key)) {
            shapes.add(new Shape(kind != null ? kind : String.valueOf(item.get("kind")),
                    Pattern.compile(String.valueOf(item.get("regex"))), strings(item, "anchors")));
        }
        return List.copyOf(shapes);
    }

    /**
     * The words one of which every secret-named key contains: the secret last words and the last
     * word of each secret pair, without those that contain a shorter one ("credentials").
     */
    private static List<String> keyWords(Set<String> lastWords, Set<String> lastPairs) {
        Set<String> words = new java.util.TreeSet<>(lastWords);
        for (String pair : lastPairs) {
            words.add(pair.substring(pair.lastIndexOf(' ') + 1));
        }
        List<String> minimal = words.stream().map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> words.stream().noneMatch(o -> !o.equals(w) && w.contains(o))).distinct().toList();
        for (String word : minimal) {
            if (word.isEmpty() || word.charAt(0) < 'a' || word.charAt(0) > 'z') {
                throw new IllegalStateException(RESOURCE + ": secret key words must start with a letter: " + word);
            }
        }
        return minimal;
    }

    private static Set<String> lowerSet(List<String> values) {
        return Set.copyOf(values.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> root, String key) {
        return ((List<Object>) root.getOrDefault(key, List.of())).stream().map(String::valueOf).toList();
    }
}
