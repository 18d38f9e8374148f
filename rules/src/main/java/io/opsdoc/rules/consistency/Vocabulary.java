package io.opsdoc.rules.consistency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/** The word lists of the consistency rules, read once from {@code vocabulary.properties}. */
final class Vocabulary {
    private final Properties properties;
    private final java.util.concurrent.ConcurrentMap<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, List<String>> lists = new java.util.concurrent.ConcurrentHashMap<>();

    private Vocabulary(Properties properties) {
        this.properties = properties;
    }

    /** Lazily loaded, immutable after loading (holder idiom). */
    private static final class Holder {
        static final Vocabulary INSTANCE = load();
    }

    static Vocabulary get() {
        return Holder.INSTANCE;
    }

    private static Vocabulary load() {
        Properties props = new Properties();
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing resource vocabulary.properties");
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(props);
    }

    List<String> list(String key) {
        return lists.computeIfAbsent(key, this::readList);
    }

    private List<String> readList(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown vocabulary key " + key);
        }
        List<String> result = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                result.add(item.strip().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(result);
    }

    /** A case-insensitive whole-word pattern matching any of the words of {@code key}. */
    Pattern words(String key) {
        return patterns.computeIfAbsent(key, k -> wordPattern(list(k)));
    }

    static Pattern wordPattern(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(Pattern.quote(sorted.get(i)).replace(" ", "\\E[\\s-]+\\Q"));
        }
        sb.append(")(?![\\p{L}\\p{N}])");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
