package io.opsdoc.rules.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The data table {@code choices.yaml}: what tells a list of parts or a rate from an open choice. */
final class Choices {
    private static final String RESOURCE = "choices.yaml";

    private record Data(Set<String> environmentLabels, Set<String> rateUnits, Map<String, String> toolKinds) {
    }

    private static final class Holder {
        static final Data DATA = load();
    }

    private Choices() {
    }

    /** True when the label names an environment (`Production`, `Staging:`). */
    static boolean environmentLabel(String label) {
        return Holder.DATA.environmentLabels().contains(normalise(label));
    }

    /** True when the word is a unit that a slash divides by (`minute`, `month`, `request`). */
    static boolean rateUnit(String word) {
        return Holder.DATA.rateUnits().contains(normalise(word));
    }

    /** The kind of a known tool or platform (`cloud`, `database`), or empty. */
    static Optional<String> toolKind(String name) {
        return Optional.ofNullable(Holder.DATA.toolKinds().get(normalise(name)));
    }

    /** Lower case, markup and a trailing colon removed, inner whitespace collapsed. */
    static String normalise(String text) {
        String plain = text.replaceAll("[*_`]", "").strip();
        if (plain.endsWith(":")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        return plain.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Data load() {
        try (InputStream in = Choices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> kinds = new HashMap<>();
            ((Map<String, List<Object>>) root.get("tool-kinds")).forEach((kind, names) ->
                    names.forEach(name -> kinds.put(normalise(String.valueOf(name)), kind)));
            return new Data(words(root.get("environment-labels")), words(root.get("rate-units")), Map.copyOf(kinds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> words(Object list) {
        return ((List<Object>) list).stream().map(w -> normalise(String.valueOf(w)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
