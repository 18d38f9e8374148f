package io.opsdoc.rules.security;

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
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The data table {@code secrets.yaml}: credential shapes, secret-named keys, and the values
 * that are references or placeholders rather than secrets.
 */
final class SecretPatterns {
    private static final String RESOURCE = "secrets.yaml";
    private static final Pattern BOOLEAN_OR_NUMBER = Pattern.compile(
            "(?i)true|false|yes|no|on|off|null|nil|none|~|[-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?|0x[0-9a-f]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    /** Below this length a literal is not a credential worth reporting ("abc"). */
    private static final int MIN_LITERAL_LENGTH = 4;

    /** One credential shape. */
    record Shape(String kind, Pattern pattern, List<String> anchors) {
        /** False when none of the literal anchors occurs, so the regex cannot match: skip it cheaply. */
        boolean mayOccurIn(String text) {
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

    }

    private record Data(List<Shape> shapes, Pattern urlCredentials, Set<String> localHosts, List<String> localSuffixes,
            Set<String> lastWords, Set<String> lastPairs, Set<String> nonSecretWords, List<Pattern> references,
            Set<String> placeholderValues, List<Pattern> placeholderPatterns) {
    }

    private static final class Holder {
        static final Data DATA = load();
    }

    private SecretPatterns() {
    }

    static List<Shape> shapes() {
        return Holder.DATA.shapes();
    }

    static Pattern urlCredentials() {
        return Holder.DATA.urlCredentials();
    }

    static boolean localHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return Holder.DATA.localHosts().contains(h) || Holder.DATA.localSuffixes().stream().anyMatch(h::endsWith);
    }

    /**
     * What kind of secret a key named {@code key} holds ("password", "token", "API key"...), or
     * empty when the name does not denote a secret.
     */
    static Optional<String> secretKind(String key) {
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

    /** True when {@code value} is a literal that could be a real secret (not a reference, placeholder, flag or number). */
    /**
     * True when the value only repeats its key ({@code client_secret: client_secret_value},
     * {@code api_key: my-api-key}): documentation filler, not a credential.
     */
    static boolean echoesKey(String key, String value) {
        String k = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String v = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (k.length() < 4 || !v.contains(k)) {
            return false;
        }
        // "password123" keeps a real (weak) password; only filler words around the key name are an echo.
        return v.replace(k, "").matches("(?:my|your|the|value|here|goes|example|sample|dummy|test|placeholder)*");
    }

    static boolean literal(String value) {
        String v = value.strip();
        if (v.length() < MIN_LITERAL_LENGTH || BOOLEAN_OR_NUMBER.matcher(v).matches()) {
            return false;
        }
        return !reference(v) && !placeholder(v);
    }

    static boolean reference(String value) {
        return Holder.DATA.references().stream().anyMatch(p -> p.matcher(value).find());
    }

    static boolean placeholder(String value) {
        String v = value.strip();
        return Holder.DATA.placeholderValues().contains(v.toLowerCase(Locale.ROOT))
                || Holder.DATA.placeholderPatterns().stream().anyMatch(p -> p.matcher(v).find());
    }

    /** Lower-case words of a key: split at _, -, ., spaces and camelCase humps. */
    static List<String> words(String key) {
        List<String> result = new ArrayList<>();
        for (String part : key.split("[_\\-.\\s/:]+")) {
            for (String word : CAMEL.split(part)) {
                if (!word.isEmpty()) {
                    result.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Data load() {
        try (InputStream in = SecretPatterns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Shape> shapes = new ArrayList<>();
            for (Map<String, Object> item : (List<Map<String, Object>>) root.get("patterns")) {
                shapes.add(new Shape(String.valueOf(item.get("kind")), Pattern.compile(String.valueOf(item.get("regex"))),
                        strings(item, "anchors")));
            }
            return new Data(List.copyOf(shapes),
                    Pattern.compile(String.valueOf(root.get("url-credentials"))),
                    Set.copyOf(strings(root, "local-hosts")),
                    strings(root, "local-host-suffixes"),
                    Set.copyOf(strings(root, "secret-last-words")),
                    Set.copyOf(strings(root, "secret-last-pairs")),
                    Set.copyOf(strings(root, "non-secret-words")),
                    strings(root, "references").stream().map(Pattern::compile).toList(),
                    Set.copyOf(strings(root, "placeholder-values").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()),
                    strings(root, "placeholder-patterns").stream().map(Pattern::compile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> root, String key) {
        return ((List<Object>) root.getOrDefault(key, List.of())).stream().map(String::valueOf).toList();
    }
}
