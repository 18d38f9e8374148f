package io.opsdoc.rules.githubactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = DeprecatedActions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 4) {
                    throw new IllegalStateException("bad row in " + RESOURCE + ": " + line);
                }
                String[] majors = cols[1].strip().split("\\.\\.");
                int from = Integer.parseInt(majors[0].strip());
                int to = majors.length > 1 ? Integer.parseInt(majors[1].strip()) : from;
                entries.add(new Entry(cols[0].strip().toLowerCase(Locale.ROOT), from, to, cols[2].strip(), cols[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }
}
