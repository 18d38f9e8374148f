package io.opsdoc.rules.githubactions;

import io.opsdoc.rules.DataTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The data table {@code deprecated-actions.tsv}: which majors of which actions are deprecated. */
final class DeprecatedActions {
    private static final String RESOURCE = "deprecated-actions.tsv";

    private DeprecatedActions() {
    }

    /**
     * One row.
     *
     * @param action {@code owner/repo}, or {@code owner/repo/*} for every sub-action, lower case
     */
    record Entry(String action, int fromMajor, int toMajor, String recommended, String reason) {
        boolean matches(String name, int major) {
            boolean nameMatches = action.endsWith("/*")
                    ? name.startsWith(action.substring(0, action.length() - 1))
                    : name.equals(action);
            return nameMatches && major >= fromMajor && major <= toMajor;
        }
    }

    /** Loaded once, on first use. */
    private static final class Holder {
        static final List<Entry> ENTRIES = load();
    }

    static Optional<Entry> find(String actionName, int major) {
        String name = actionName.toLowerCase(Locale.ROOT);
        return Holder.ENTRIES.stream().filter(e -> e.matches(name, major)).findFirst();
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (List<String> cols : DataTables.read(DeprecatedActions.class, RESOURCE, 4)) {
            String[] majors = cols.get(1).split("\\.\\.");
            int from = Integer.parseInt(majors[0].strip());
            int to = majors.length > 1 ? Integer.parseInt(majors[1].strip()) : from;
            entries.add(new Entry(cols.get(0).toLowerCase(Locale.ROOT), from, to, cols.get(2), cols.get(3)));
        }
        return List.copyOf(entries);
    }
}
