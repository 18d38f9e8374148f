package io.opsdoc.rules.prometheus;

import io.opsdoc.rules.DataTables;
import java.util.LinkedHashMap;
import java.util.List;
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
        for (List<String> row : DataTables.read(Tables.class, resource, 2)) {
            map.put(row.get(0).toLowerCase(Locale.ROOT), row.get(1));
        }
        return Map.copyOf(map);
    }
}
