package io.opsdoc.core.facts;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.promql.PromQlAnalysis;
import io.opsdoc.core.promql.PromQlParser;
import io.opsdoc.core.promql.PromQlResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the alerts of a document: every YAML mapping with an {@code alert} key (inside
 * {@code groups[].rules[]} or bare), with {@code <<} merge keys resolved the way Prometheus reads
 * them, and every row of a table in any section whose header names the alert and its condition
 * ({@code | Alert | Condition |}, {@code | Alarm | Metric | Threshold |}), as teams on Datadog,
 * New Relic or CloudWatch write them.
 */
public final class Alerts {
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*\\}|\\[[^\\[\\]]*\\]");
    /** A comparison with a number in prose or a table cell; a parenthesised constant counts. */
    private static final Pattern COMPARISON = Pattern.compile(
            "(>=|<=|==|!=|>|<|\u2265|\u2264)\\s*(?:bool\\s+)?\\(*\\s*([-+]?\\.?\\d[\\d.]*)"
                    + "|([-+]?\\d[\\d.]*)%?\\s*(>=|<=|==|!=|>|<|\u2265|\u2264)"
                    + "|\\b(above|below|over|under|exceeds|greater than|less than|more than)\\s+([-+]?\\d[\\d.]*)"
                    // "fails in 2 of 3 regions": a count of failing checks, at least 2.
                    + "|\\b(\\d+)\\s+(?:out\\s+)?of\\s+\\d+\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_DURATION = Pattern.compile(
            "\\b(?:for|over|during|last|within)[\\s_]+\\d+\\s*(?:s|sec|seconds?|m|mins?|minutes?|h|hours?)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DATADOG_WINDOW = Pattern.compile("\\((?:last|next)_(\\d+[smhdw])\\)");
    private static final Pattern SEVERITY_TAG = Pattern.compile("\"severity:([A-Za-z0-9_-]+)\"");
    private static final Pattern RUNBOOK_URL = Pattern.compile("(?i)runbook[^\\n]*?(https?://[^\\s\"'<>)]+)");

    private Alerts() {
    }

    static List<AlertFact> of(MarkdownDocument doc) {
        List<AlertFact> result = new ArrayList<>();
        for (CodeBlock block : doc.codeBlocks()) {
            if (block.isLanguage("hcl", "terraform", "tf") && block.hcl().valid()) {
                datadogMonitors(block.hcl(), block.hcl().body(), result);
            }
            if (Blocks.isYaml(block) && block.yaml().valid()) {
                for (Node root : block.yaml().documents()) {
                    for (MappingNode m : YamlNodes.mappings(root)) {
                        YamlNodes.getMerged(m, "alert").flatMap(YamlNodes::scalar)
                                .filter(name -> YamlNodes.has(m, "alert"))
                                .ifPresent(name -> result.add(fromYaml(block.yaml(), m, name)));
                    }
                }
            }
        }
        for (Table table : doc.tables()) {
            tableAlerts(table, result);
        }
        return List.copyOf(result);
    }

    private static void tableAlerts(Table table, List<AlertFact> out) {
        OptionalInt condition = table.column("condition", "threshold", "expression", "expr", "query", "trigger");
        OptionalInt nameColumn = table.column("alert", "alarm", "monitor");
        if (condition.isEmpty() || nameColumn.isEmpty() && !headerSaysAlert(table)) {
            return;
        }
        // CloudWatch writes the evaluation as "Period" ("5 × 1 min" = EvaluationPeriods × Period).
        OptionalInt duration = table.column("duration", "for", "window", "pending", "evaluation", "period");
        OptionalInt severity = table.column("severity", "priority", "level", "page");
        OptionalInt runbook = table.column("runbook", "playbook");
        int nameAt = nameColumn.orElse(0);
        OptionalInt threshold = table.column("threshold");
        OptionalInt metric = table.column("metric");
        for (List<TableCell> row : table.rows()) {
            if (row.isEmpty() || nameAt >= row.size()) {
                continue;
            }
            String cond = cell(row, condition);
            // A "Metric" or "Query" cell beside a separate "Threshold" column completes the condition
            // ("error rate" + "> 5%"); the comparison is read from the threshold cell first.
            String limit = threshold.isPresent() && threshold.getAsInt() != condition.getAsInt()
                    ? cell(row, threshold) : "";
            String full = metric.isPresent() && metric.getAsInt() != condition.getAsInt()
                    ? cell(row, metric) + " " + cond : cond;
            if (!limit.isEmpty()) {
                full = full + " " + limit;
            }
            Optional<String> dur = blankToEmpty(cell(row, duration));
            if (dur.isEmpty() && INLINE_DURATION.matcher(cond).find()) {
                dur = Optional.of(cond);
            }
            Threshold t = limit.isEmpty() ? Threshold.NONE : textThreshold(limit);
            if (t.op().isEmpty()) {
                t = textThreshold(full);
            }
            out.add(new AlertFact(row.get(nameAt).text().strip(), "table", blankToEmpty(full), t.op(), t.value(), dur,
                    blankToEmpty(cell(row, severity)), blankToEmpty(cell(row, runbook)), row.get(nameAt).range()));
        }
    }

    /**
     * Terraform {@code resource "datadog_monitor"} blocks: the condition is {@code query} (its
     * comparison, else {@code monitor_thresholds.critical}), the duration the query's evaluation
     * window ({@code last_10m}), the severity {@code priority} or a {@code severity:} tag, the runbook
     * a URL after "runbook" in {@code message}.
     */
    private static void datadogMonitors(io.opsdoc.core.embedded.HclBlock hcl, io.opsdoc.core.hcl.HclBody body,
            List<AlertFact> out) {
        for (io.opsdoc.core.hcl.HclBlock block : body.blocks("resource")) {
            if (!"datadog_monitor".equals(block.label(0))) {
                continue;
            }
            io.opsdoc.core.hcl.HclBody b = block.body();
            Optional<String> query = b.attribute("query").flatMap(a -> a.value().literalString()).flatMap(Alerts::blankToEmpty);
            Threshold t = query.map(Alerts::textThreshold).orElse(Threshold.NONE);
            if (t.op().isEmpty()) {
                Optional<String> critical = b.blocks("monitor_thresholds").stream().findFirst()
                        .flatMap(m -> m.body().attribute("critical"))
                        .flatMap(a -> a.value().literalNumber().map(n -> n.toPlainString()).or(() -> a.value().literalString()));
                if (critical.isPresent()) {
                    t = textThreshold(">= " + critical.get());
                }
            }
            Optional<String> window = query.map(DATADOG_WINDOW::matcher).filter(Matcher::find).map(m -> m.group(1));
            Optional<String> severity = b.attribute("priority")
                    .flatMap(a -> a.value().literalNumber().map(n -> "P" + n.toPlainString()).or(() -> a.value().literalString()))
                    .or(() -> b.attribute("tags").map(a -> hcl.text(a.value().range()))
                            .map(SEVERITY_TAG::matcher).filter(Matcher::find).map(m -> m.group(1)));
            Optional<String> runbook = b.attribute("message").map(a -> hcl.text(a.value().range()))
                    .map(RUNBOOK_URL::matcher).filter(Matcher::find).map(m -> m.group(1));
            String name = b.attribute("name").flatMap(a -> a.value().literalString())
                    .orElse(block.label(1) == null ? "datadog_monitor" : block.label(1));
            out.add(new AlertFact(name, "hcl", query, t.op(), t.value(), window, severity, runbook,
                    hcl.range(block.typeRange())));
        }
    }

    /**
     * A table without an alert/alarm column still lists alerts when its first header names the
     * entries ("Alert name", "Name", "Rule") and another column gives a severity, a runbook or who is
     * paged; a plain "Rule" column alone (firewall rules, routing rules) is not enough.
     */
    private static boolean headerSaysAlert(Table table) {
        if (table.header().isEmpty()) {
            return false;
        }
        String first = table.header().get(0).text().strip().toLowerCase(java.util.Locale.ROOT);
        return (first.contains("name") || first.equals("rule") || first.equals("rules"))
                && table.column("severity", "runbook", "notify", "page").isPresent();
    }

    private static AlertFact fromYaml(YamlBlock yaml, MappingNode m, String name) {
        Optional<Node> labels = YamlNodes.getMerged(m, "labels");
        Optional<Node> annotations = YamlNodes.getMerged(m, "annotations");
        Optional<String> severity = labels.flatMap(l -> scalarMerged(l, "severity"))
                .or(() -> labels.flatMap(l -> scalarMerged(l, "priority")))
                .or(() -> scalarMerged(m, "severity"));
        Optional<String> runbook = annotations.flatMap(a -> scalarMerged(a, "runbook_url"))
                .or(() -> annotations.flatMap(a -> scalarMerged(a, "runbook")))
                .or(() -> scalarMerged(m, "runbook_url"));
        Optional<String> expr = scalarMerged(m, "expr").flatMap(Alerts::blankToEmpty);
        Threshold t = expr.map(Alerts::promThreshold).orElse(Threshold.NONE);
        Node key = YamlNodes.keyNode(m, "alert").orElse(m);
        return new AlertFact(name, "yaml", expr, t.op(), t.value(), scalarMerged(m, "for").flatMap(Alerts::blankToEmpty),
                severity.flatMap(Alerts::blankToEmpty), runbook.flatMap(Alerts::blankToEmpty), yaml.range(key));
    }

    private static Optional<String> scalarMerged(Node node, String key) {
        return YamlNodes.getMerged(node, key).flatMap(YamlNodes::scalar);
    }

    private record Threshold(Optional<String> op, OptionalDouble value) {
        static final Threshold NONE = new Threshold(Optional.empty(), OptionalDouble.empty());
    }

    /** The first comparison with a constant of a PromQL expression; text reading when it does not parse. */
    static Threshold promThreshold(String expr) {
        PromQlResult parsed = PromQlParser.parse(expr);
        if (parsed.expr().isPresent()) {
            List<PromQlAnalysis.Comparison> comparisons = PromQlAnalysis.comparisons(parsed.expr().get());
            if (!comparisons.isEmpty()) {
                PromQlAnalysis.Comparison c = comparisons.get(0);
                return new Threshold(Optional.of(c.op()), OptionalDouble.of(c.threshold()));
            }
            return Threshold.NONE;
        }
        return textThreshold(expr);
    }

    /** A comparison with a number in free text ({@code > 5%}, "above 80%", {@code 0.5 <}). */
    static Threshold textThreshold(String condition) {
        String s = QUOTED.matcher(condition).replaceAll(" ");
        String previous;
        do {
            previous = s;
            s = BRACES.matcher(s).replaceAll(" ");
        } while (!s.equals(previous));
        Matcher m = COMPARISON.matcher(s);
        if (!m.find()) {
            return Threshold.NONE;
        }
        if (m.group(7) != null) {
            return new Threshold(Optional.of(">="), OptionalDouble.of(Double.parseDouble(m.group(7))));
        }
        String op = m.group(1) != null ? m.group(1) : m.group(4) != null ? m.group(4) : m.group(5).toLowerCase(java.util.Locale.ROOT);
        String number = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(6);
        try {
            return new Threshold(Optional.of(op), OptionalDouble.of(Double.parseDouble(number.replaceAll("\\.+$", ""))));
        } catch (NumberFormatException e) {
            return new Threshold(Optional.of(op), OptionalDouble.empty());
        }
    }

    /** True when a free-text or PromQL condition compares with a number. */
    public static boolean hasThreshold(String condition) {
        return promThreshold(condition).op().isPresent();
    }

    private static String cell(List<TableCell> row, OptionalInt column) {
        if (column.isEmpty() || column.getAsInt() >= row.size()) {
            return "";
        }
        return row.get(column.getAsInt()).text().strip();
    }

    private static Optional<String> blankToEmpty(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equals("-") || t.equals("\u2014") ? Optional.empty() : Optional.of(t);
    }
}
