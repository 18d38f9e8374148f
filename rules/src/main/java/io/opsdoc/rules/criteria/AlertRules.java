package io.opsdoc.rules.criteria;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The alert rules a monitoring plan defines: Prometheus alerting rules in YAML blocks (any
 * mapping with an {@code alert} key, inside {@code groups[].rules[]} or as a bare rule) and
 * rows of alert tables (a column for the condition, optional columns for duration, severity and
 * runbook), as teams using Datadog, New Relic or CloudWatch often write them.
 */
public final class AlertRules {
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*\\}|\\[[^\\[\\]]*\\]");
    private static final Pattern COMPARISON = Pattern.compile(
            "(?:>=|<=|==|!=|>|<|≥|≤)\\s*(?:bool\\s+)?[-+]?\\.?\\d|\\d%?\\s*(?:>=|<=|==|!=|>|<|≥|≤)"
                    + "|\\b(?:above|below|over|under|exceeds|greater than|less than|more than)\\s+[-+]?\\d",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_DURATION = Pattern.compile(
            "\\b(?:for|over|during|last|within)[\\s_]+\\d+\\s*(?:s|sec|seconds?|m|mins?|minutes?|h|hours?)\\b",
            Pattern.CASE_INSENSITIVE);

    private AlertRules() {
    }

    /**
     * One alert.
     *
     * @param range where the alert is defined (the {@code alert} key, or the table row)
     */
    public record Alert(String name, Optional<String> expr, Optional<String> duration, Optional<String> severity,
            Optional<String> runbook, Range range, boolean fromTable) {
    }

    /** Alerts of the whole document: YAML rules first, then table rows in the alerting section. */
    public static List<Alert> of(MarkdownDocument doc, Optional<Section> alerting) {
        List<Alert> result = new ArrayList<>();
        for (CodeBlock block : doc.codeBlocks()) {
            if (Evidence.isYaml(block) && block.yaml().valid()) {
                for (Node root : block.yaml().documents()) {
                    for (MappingNode m : YamlNodes.mappings(root)) {
                        YamlNodes.scalarAt(m, "alert").ifPresent(name -> result.add(fromYaml(block.yaml(), m, name)));
                    }
                }
            }
        }
        List<Table> tables = alerting.map(doc::tablesIn).orElse(List.of());
        for (Table table : tables) {
            OptionalInt condition = table.column("condition", "threshold", "expression", "expr", "query", "trigger");
            if (condition.isEmpty()) {
                continue;
            }
            OptionalInt duration = table.column("duration", "for", "window", "pending", "evaluation");
            OptionalInt severity = table.column("severity", "priority", "level", "page");
            OptionalInt runbook = table.column("runbook", "playbook");
            for (List<TableCell> row : table.rows()) {
                if (row.isEmpty()) {
                    continue;
                }
                String cond = cell(row, condition);
                Optional<String> dur = cell(row, duration).isBlank() ? Optional.empty() : Optional.of(cell(row, duration));
                if (dur.isEmpty() && INLINE_DURATION.matcher(cond).find()) {
                    dur = Optional.of(cond);
                }
                result.add(new Alert(row.get(0).text().strip(), blankToEmpty(cond), dur,
                        blankToEmpty(cell(row, severity)), blankToEmpty(cell(row, runbook)),
                        row.get(0).range(), true));
            }
        }
        return result;
    }

    private static Alert fromYaml(YamlBlock yaml, MappingNode m, String name) {
        Optional<String> severity = YamlNodes.scalarAt(m, "labels", "severity")
                .or(() -> YamlNodes.scalarAt(m, "labels", "priority"))
                .or(() -> YamlNodes.scalarAt(m, "severity"));
        Optional<String> runbook = YamlNodes.scalarAt(m, "annotations", "runbook_url")
                .or(() -> YamlNodes.scalarAt(m, "annotations", "runbook"))
                .or(() -> YamlNodes.scalarAt(m, "runbook_url"));
        Node key = YamlNodes.keyNode(m, "alert").orElse(m);
        return new Alert(name, YamlNodes.scalarAt(m, "expr").flatMap(AlertRules::blankToEmpty),
                YamlNodes.scalarAt(m, "for").flatMap(AlertRules::blankToEmpty), severity.flatMap(AlertRules::blankToEmpty),
                runbook.flatMap(AlertRules::blankToEmpty), yaml.range(key), false);
    }

    /** True when the condition compares against a number ({@code > 0.05}, {@code == 0}, "above 80%"). */
    public static boolean hasThreshold(String condition) {
        String s = QUOTED.matcher(condition).replaceAll(" ");
        String previous;
        do {
            previous = s;
            s = BRACES.matcher(s).replaceAll(" ");
        } while (!s.equals(previous));
        return COMPARISON.matcher(s).find();
    }

    private static String cell(List<TableCell> row, OptionalInt column) {
        if (column.isEmpty() || column.getAsInt() >= row.size()) {
            return "";
        }
        return row.get(column.getAsInt()).text().strip();
    }

    private static Optional<String> blankToEmpty(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equals("-") || t.equals("—") ? Optional.empty() : Optional.of(t);
    }
}
