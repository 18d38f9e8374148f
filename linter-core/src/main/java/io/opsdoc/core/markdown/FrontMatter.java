package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * YAML front matter: where it is, and its top-level mapping (empty when it does not parse).
 * The YAML is parsed when its values are first asked for: most documents with front matter
 * (static-site pages) are only asked whether it declares an opsdoc type, which the text answers.
 * Immutable once parsed; safe to share between threads.
 */
public final class FrontMatter {
    /** Immutable, so one serves every document (a {@link Load} is per use: it is not thread-safe). */
    private static final LoadSettings SETTINGS = LoadSettings.builder().setMaxAliasesForCollections(20)
            .setCodePointLimit(1024 * 1024).build();

    private final String yaml;
    private final Range range;
    private Parsed parsed;

    private record Parsed(Map<String, Object> values, Optional<String> error) {
    }

    /** Front matter whose YAML (without the {@code ---} lines) is {@code yaml}, at {@code range}. */
    public FrontMatter(String yaml, Range range) {
        this.yaml = yaml;
        this.range = range;
    }

    public Range range() {
        return range;
    }

    /** The top-level mapping; empty when the YAML is not a mapping or does not parse. */
    public Map<String, Object> values() {
        return parsed().values();
    }

    /** Why the YAML does not parse, if it does not. */
    public Optional<String> error() {
        return parsed().error();
    }

    /**
     * The top-level value of {@code key}. Without parsing when the text cannot hold the key: a
     * YAML key is written out in the text unless an escape ({@code \}) spells it, and line
     * folding turns a line break into a space, which the keys asked for contain none of.
     */
    public Optional<Object> value(String key) {
        if (yaml.indexOf('\\') < 0 && !yaml.contains(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(values().get(key));
    }

    private synchronized Parsed parsed() {
        if (parsed == null) {
            parsed = parse(yaml);
        }
        return parsed;
    }

    private static Parsed parse(String yaml) {
        try {
            Object loaded = new Load(SETTINGS).loadFromString(yaml);
            Map<String, Object> values = Map.of();
            if (loaded instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                values = Collections.unmodifiableMap(copy);
            }
            return new Parsed(values, Optional.empty());
        } catch (YamlEngineException | StackOverflowError e) {
            String message = e.getMessage() == null ? "invalid YAML" : e.getMessage().lines().findFirst().orElse("");
            return new Parsed(Map.of(), Optional.of(message));
        }
    }

    @Override
    public String toString() {
        return "FrontMatter[" + range + "]";
    }
}
