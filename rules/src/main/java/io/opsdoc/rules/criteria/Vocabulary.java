package io.opsdoc.rules.criteria;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Named lists of terms (tool names, synonyms) read from a YAML resource: {@code topic: [term, ...]}.
 * Terms are literal phrases matched case-insensitively as whole words; a space in a term also
 * matches a dash or underscore, so "docker compose" finds "docker-compose". Vocabulary is the last
 * layer of evidence: rules look at sections, code blocks and tables first.
 */
public final class Vocabulary {
    private final Map<String, List<String>> topics;

    private Vocabulary(Map<String, List<String>> topics) {
        this.topics = Map.copyOf(topics);
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

    /** The option that replaces the built-in list of {@code topic}. */
    public OptionSpec option(String topic, String description) {
        return new OptionSpec(topic, "string-list", terms(topic), description);
    }

    /** The option that extends the built-in list of {@code topic}. */
    public static OptionSpec extraOption(String topic, String description) {
        return new OptionSpec("extra-" + topic, "string-list", List.of(), description);
    }

    /** Both options for {@code topic}: replace and extend. */
    public List<OptionSpec> options(String topic, String what) {
        return List.of(option(topic, what + " (replaces the built-in list)"),
                extraOption(topic, what + " added to the built-in list"));
    }

    /** The effective terms of {@code topic}: configured list (or the built-in one) plus {@code extra-topic}. */
    public List<String> effective(RuleOptions options, String topic) {
        List<String> result = options.stringsWithExtra(topic);
        return result.isEmpty() ? terms(topic) : result;
    }

    /** A match of a term in a text. */
    public record Match(String term, int start, int end) {
    }

    /** The earliest occurrence of any of {@code terms} in {@code text}. */
    public static Optional<Match> find(CharSequence text, Collection<String> terms) {
        Match best = null;
        for (String term : terms) {
            if (term.isBlank()) {
                continue;
            }
            Matcher m = pattern(term).matcher(text);
            if (m.find() && (best == null || m.start() < best.start())) {
                best = new Match(term, m.start(), m.end());
            }
        }
        return Optional.ofNullable(best);
    }

    public static boolean contains(CharSequence text, Collection<String> terms) {
        return find(text, terms).isPresent();
    }

    static Pattern pattern(String term) {
        String t = term.strip().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        if (Character.isLetterOrDigit(t.charAt(0))) {
            sb.append("(?<![\\p{L}\\p{N}])");
        }
        String[] parts = t.split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append("[\\s_-]+");
            }
            sb.append(Pattern.quote(parts[i]));
        }
        if (Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
            sb.append("(?![\\p{L}\\p{N}])");
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
