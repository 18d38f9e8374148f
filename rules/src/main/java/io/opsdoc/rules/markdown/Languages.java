package io.opsdoc.rules.markdown;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fence tags GitHub knows: Linguist language names, aliases and extensions, read from
 * {@code linguist-languages.txt}. Keys are lower-case; names with spaces are also known with dashes.
 */
final class Languages {
    private static final String RESOURCE = "linguist-languages.txt";

    /** Lower-case tag to the language name it stands for. */
    private final Map<String, String> tags;

    private Languages(Map<String, String> tags) {
        this.tags = Map.copyOf(tags);
    }

    /** The built-in table, loaded once on first use. */
    static Languages builtIn() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Languages INSTANCE = load();
    }

    private static Languages load() {
        Map<String, String> tags = new LinkedHashMap<>();
        try (InputStream in = Languages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] columns = trimmed.split("\\|", -1);
                String name = columns[0].strip();
                add(tags, name, name);
                for (int i = 1; i < columns.length; i++) {
                    for (String word : columns[i].split(",")) {
                        add(tags, word, name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Languages(tags);
    }

    private static void add(Map<String, String> tags, String word, String name) {
        String key = word.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return;
        }
        if (word.strip().equalsIgnoreCase(name)) {
            // A language's own name wins over the same word listed as another language's extension.
            tags.put(key, name);
        } else {
            tags.putIfAbsent(key, name);
        }
        if (key.contains(" ")) {
            tags.putIfAbsent(key.replace(' ', '-'), name);
        }
    }

    boolean known(String tag) {
        return tags.containsKey(tag.toLowerCase(Locale.ROOT));
    }

    /** The known tag closest to {@code tag} (edit distance), when it is close enough to be a typo. */
    Optional<String> closest(String tag, Collection<String> extra) {
        String lower = tag.toLowerCase(Locale.ROOT);
        Set<String> candidates = new HashSet<>(tags.keySet());
        extra.forEach(e -> candidates.add(e.toLowerCase(Locale.ROOT)));
        // Typos are short: one edit for short tags, two for longer ones.
        int limit = lower.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.contains(" ") || Math.abs(candidate.length() - lower.length()) > limit) {
                continue;
            }
            int distance = distance(lower, candidate, limit);
            if (lower.length() <= 4 && distance == 1 && candidate.length() == lower.length()
                    && !sameLetters(lower, candidate)) {
                // One substituted letter in a short tag is more often another word ("log", "none")
                // than a typo; transpositions, insertions and deletions still count.
                continue;
            }
            if (distance < bestDistance || distance == bestDistance && best != null && preferred(candidate, best)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Between equally close tags prefer language names, then the shorter, then alphabetical order. */
    private boolean preferred(String candidate, String best) {
        boolean candidateIsName = tags.get(candidate) != null && tags.get(candidate).equalsIgnoreCase(candidate);
        boolean bestIsName = tags.get(best) != null && tags.get(best).equalsIgnoreCase(best);
        if (candidateIsName != bestIsName) {
            return candidateIsName;
        }
        if (candidate.length() != best.length()) {
            return candidate.length() < best.length();
        }
        return candidate.compareTo(best) < 0;
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** Optimal string alignment distance (transpositions count as one edit), capped above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
