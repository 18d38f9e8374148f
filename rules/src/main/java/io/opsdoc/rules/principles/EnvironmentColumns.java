package io.opsdoc.rules.principles;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.facts.Vocabulary;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises environment names and per-environment tables (one column, or one row, per environment). */
final class EnvironmentColumns {
    private static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private EnvironmentColumns() {
    }

    /** The core environment a short text (header cell, job name, comment) names, if exactly one. */
    static Optional<String> environmentOf(String text) {
        Optional<String> found = Optional.empty();
        for (String env : ENVIRONMENTS) {
            if (Vocabulary.contains(text, Vocabulary.get().terms("env-" + env))) {
                if (found.isPresent()) {
                    return Optional.empty();
                }
                found = Optional.of(env);
            }
        }
        return found;
    }

    /** Environments named by the header cells, index by index (null where a cell names none). */
    static String[] columnEnvironments(Table table) {
        String[] envs = new String[table.header().size()];
        for (int i = 1; i < envs.length; i++) {
            envs[i] = environmentOf(table.header().get(i).text()).orElse(null);
        }
        return envs;
    }

    static int distinct(String[] envs) {
        Set<String> set = new HashSet<>();
        for (String e : envs) {
            if (e != null) {
                set.add(e);
            }
        }
        return set.size();
    }

    /** Environments named by the first cell of each row. */
    static String[] rowEnvironments(Table table) {
        String[] envs = new String[table.rows().size()];
        for (int i = 0; i < envs.length; i++) {
            List<TableCell> row = table.rows().get(i);
            envs[i] = row.isEmpty() ? null : environmentOf(row.get(0).text()).orElse(null);
        }
        return envs;
    }

    static boolean hasEnvironmentTable(Optional<MarkdownDocument> doc, Optional<Section> section) {
        if (doc.isEmpty()) {
            return false;
        }
        List<Table> tables = section.map(doc.get()::tablesIn).orElseGet(doc.get()::tables);
        return tables.stream().anyMatch(t -> distinct(columnEnvironments(t)) >= 2 || distinct(rowEnvironments(t)) >= 2);
    }

    /** True when a key or row label only speaks about size, scale, naming or addressing. */
    static boolean sizeOnly(String label, List<String> sizeWords) {
        String spaced = CAMEL.matcher(label).replaceAll(" ").toLowerCase(Locale.ROOT);
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && sizeWords.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
