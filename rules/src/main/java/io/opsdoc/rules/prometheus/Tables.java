package io.opsdoc.rules.prometheus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Two-column data tables of this family, loaded once on first use. */
final class Tables {
    private Tables() {
    }

    private static final class DurationUnits {
        static final Map<String, String> MAP = load("duration-units.tsv");
    }

    private static final class FieldHints {
        static final Map<String, String> MAP = load("rule-field-hints.tsv");
    }

    /** Spelled-out unit word to Prometheus unit ({@code minutes} to {@code m}). */
    static Map<String, String> durationUnits() {
        return DurationUnits.MAP;
    }

    /** Misplaced rule key to the section it belongs in ({@code severity} to {@code labels}). */
    static Map<String, String> fieldHints() {
        return FieldHints.MAP;
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = Tables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    throw new IllegalStateException("bad row in " + resource + ": " + line);
                }
                map.put(cols[0].strip().toLowerCase(Locale.ROOT), cols[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
