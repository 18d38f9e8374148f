package io.opsdoc.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated data tables of the rule families ({@code #} starts a comment line). */
public final class DataTables {
    private DataTables() {
    }

    /**
     * The rows of {@code resource} (relative to {@code owner}'s package), each with at least
     * {@code columns} stripped cells; a missing table or short row is a build error.
     */
    public static List<List<String>> read(Class<?> owner, String resource, int columns) {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t"));
                if (cells.size() < columns) {
                    throw new IllegalStateException("bad row in " + resource + ": " + line);
                }
                rows.add(cells.stream().map(String::strip).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
