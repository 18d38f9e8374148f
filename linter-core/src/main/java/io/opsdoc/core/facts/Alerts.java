package io.opsdoc.core.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.promql.PromQlAnalysis;
import io.opsdoc.core.promql.PromQlExpr;
import io.opsdoc.core.promql.PromQlParser;
import io.opsdoc.core.promql.PromQlResult;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the alerts of a document: every YAML mapping with an {@code alert} key (inside
 * {@code groups[].rules[]} or bare), with {@code <<} merge keys resolved the way Prometheus reads
 * them, and every row of a table in any section whose header names the alert and its condition
 * ({@code | Alert | Condition |}, {@code | Alarm | Metric | Threshold |}), as teams on Datadog,
 * New Relic or CloudWatch write them, and Datadog monitors given as Terraform {@code datadog_monitor}
 * resources or as JSON monitor definitions. YAML comes from the shared {@link YamlDocument} list.
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
    /**
     * Only writes string literals; never reconfigured after construction. Created on first use
     * (holder idiom): only a JSON Datadog monitor needs it, and creating a Jackson ObjectMapper
     * was half the cost of reading the facts of a one-file run.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private Alerts() {
    }

    static List<AlertFact> of(MarkdownDocument doc) {
        List<AlertFact> result = new ArrayList<>();
        // The one list of YAML documents every family reads; recording rules first, so that an
        // alert on `job:errors:ratio_rate5m` is recognised as an error ratio.
        List<YamlDocument> yaml = YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED);
        Map<String, PromQlExpr> records = recordingRules(yaml);
        for (YamlDocument y : yaml) {
            for (MappingNode m : YamlNodes.mappings(y.root())) {
                if (YamlNodes.has(m, "alert")) {
                    scalarMerged(m, "alert").ifPresent(name -> result.add(fromYaml(doc, y.block(), m, name, records)));
                }
            }
        }
        for (CodeBlock block : doc.codeBlocks()) {
            if (Blocks.isHcl(block) && block.hcl().valid()) {
                datadogMonitors(block.hcl(), block.hcl().body(), result);
            } else if (block.isLanguage("json", "jsonc", "json5") && mayHoldMonitor(block)
                    && parsedJson(block.json().kind())) {
                jsonMonitors(block, result);
            }
        }
        result.sort(Comparator.comparingInt(a -> a.range().start().offset()));
        for (Table table : doc.tables()) {
            tableAlerts(table, result);
        }
        return List.copyOf(result);
    }

    /** Recording rules ({@code record} + {@code expr}) by name, merge keys resolved. */
    private static Map<String, PromQlExpr> recordingRules(List<YamlDocument> yaml) {
        Map<String, PromQlExpr> records = new HashMap<>();
        for (YamlDocument y : yaml) {
            for (MappingNode m : YamlNodes.mappings(y.root())) {
                Optional<String> record = scalarMerged(m, "record");
                Optional<String> expr = scalarMerged(m, "expr");
                if (record.isPresent() && expr.isPresent()) {
                    PromQlParser.parse(expr.get()).expr().ifPresent(e -> records.putIfAbsent(record.get(), e));
                }
            }
        }
        return records;
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
                    blankToEmpty(cell(row, severity)), blankToEmpty(cell(row, runbook)), row.get(nameAt).range(), List.of()));
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
            Optional<String> critical = b.blocks("monitor_thresholds").stream().findFirst()
                    .flatMap(m -> m.body().attribute("critical"))
                    .flatMap(a -> a.value().literalNumber().map(n -> n.toPlainString()).or(() -> a.value().literalString()));
            Optional<String> priority = b.attribute("priority")
                    .flatMap(a -> a.value().literalNumber().map(n -> "P" + n.toPlainString()).or(() -> a.value().literalString()));
            String name = b.attribute("name").flatMap(a -> a.value().literalString())
                    .orElse(block.label(1) == null ? "datadog_monitor" : block.label(1));
            out.add(datadog(new Monitor(name, "hcl",
                    b.attribute("query").flatMap(a -> a.value().literalString()).flatMap(Alerts::blankToEmpty),
                    critical, priority,
                    b.attribute("tags").map(a -> hcl.text(a.value().range())).orElse(""),
                    b.attribute("message").map(a -> hcl.text(a.value().range())).orElse(""),
                    hcl.range(block.typeRange()))));
        }
    }

    /**
     * Datadog monitor definitions in JSON (what the API, {@code datadog-ci} and exports use): an
     * object with a text {@code query} that is typed as an alert or check ({@code "type": "metric
     * alert"}) or carries {@code options.thresholds}, anywhere in the block (a list of monitors too).
     */
    private static void jsonMonitors(CodeBlock block, List<AlertFact> out) {
        String content = block.content();
        int[] cursor = {0};
        for (JsonNode value : block.json().values()) {
            walkJson(value, node -> {
                JsonNode query = node.get("query");
                JsonNode type = node.get("type");
                JsonNode thresholds = node.path("options").get("thresholds");
                boolean typed = type != null && type.isTextual()
                        && (type.asText().contains("alert") || type.asText().contains("check"));
                if (query == null || !query.isTextual() || !(typed || thresholds != null && thresholds.isObject())) {
                    return;
                }
                String name = text(node.get("name")).orElse("datadog monitor");
                Optional<String> critical = Optional.ofNullable(thresholds).map(t -> t.get("critical"))
                        .filter(JsonNode::isValueNode).map(JsonNode::asText);
                JsonNode p = node.get("priority");
                Optional<String> priority = p == null || p.isNull() ? Optional.empty()
                        : Optional.of(p.isNumber() ? "P" + p.asText() : p.asText());
                StringBuilder tags = new StringBuilder();
                node.path("tags").forEach(t -> tags.append('"').append(t.asText()).append("\" "));
                // The monitor's name literal (else its query) locates it in the block.
                String literal = quoted(text(node.get("name")).orElse(query.asText()));
                int at = content.indexOf(literal, cursor[0]);
                Range range = block.firstLineRange();
                if (at >= 0) {
                    range = block.contentRange(at, at + literal.length());
                    cursor[0] = at + literal.length();
                }
                out.add(datadog(new Monitor(name, "json", blankToEmpty(query.asText()), critical, priority,
                        tags.toString(), text(node.get("message")).orElse(""), range)));
            });
        }
    }

    /** A Datadog monitor as both notations give it. */
    private record Monitor(String name, String source, Optional<String> query, Optional<String> critical,
            Optional<String> priority, String tags, String message, Range range) {
    }

    private static AlertFact datadog(Monitor m) {
        Threshold t = m.query().map(Alerts::textThreshold).orElse(Threshold.NONE);
        if (t.op().isEmpty() && m.critical().isPresent()) {
            t = textThreshold(">= " + m.critical().get());
        }
        Optional<String> window = m.query().map(DATADOG_WINDOW::matcher).filter(Matcher::find).map(x -> x.group(1));
        Optional<String> severity = m.priority()
                .or(() -> Optional.of(SEVERITY_TAG.matcher(m.tags())).filter(Matcher::find).map(x -> x.group(1)));
        Optional<String> runbook = Optional.of(RUNBOOK_URL.matcher(m.message())).filter(Matcher::find).map(x -> x.group(1));
        return new AlertFact(m.name(), m.source(), m.query(), t.op(), t.value(), window, severity, runbook, m.range(),
                List.of());
    }

    private static void walkJson(JsonNode node, java.util.function.Consumer<JsonNode> visitor) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            visitor.accept(node);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> walkJson(child, visitor));
        }
    }

    /**
     * Whether a JSON block can hold a monitor at all: a monitor has a {@code query} key, which the
     * block's text spells out (quoted, single-quoted or bare) unless it writes the key with JSON's
     * Unicode escapes (a backslash and u). Reading a JSON block is the first use of Jackson's
     * ObjectMapper in many runs (tens of milliseconds of start-up), so blocks that cannot hold a
     * monitor are not read here.
     */
    static boolean mayHoldMonitor(CodeBlock block) {
        String content = block.content();
        return content.contains("query") || content.contains("\\u");
    }

    private static boolean parsedJson(io.opsdoc.core.embedded.BlockKind kind) {
        return kind == io.opsdoc.core.embedded.BlockKind.VALID || kind == io.opsdoc.core.embedded.BlockKind.LENIENT
                || kind == io.opsdoc.core.embedded.BlockKind.STREAM;
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? blankToEmpty(node.asText()) : Optional.empty();
    }

    /** The JSON string literal of {@code value}, as a writer without escaping options prints it. */
    private static String quoted(String value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "\"" + value + "\"";
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

    private static AlertFact fromYaml(MarkdownDocument doc, YamlBlock yaml, MappingNode m, String name,
            Map<String, PromQlExpr> records) {
        Optional<Node> labels = YamlNodes.getMerged(m, "labels");
        Optional<Node> annotations = YamlNodes.getMerged(m, "annotations");
        Optional<String> severity = labels.flatMap(l -> scalarMerged(l, "severity"))
                .or(() -> labels.flatMap(l -> scalarMerged(l, "priority")))
                .or(() -> scalarMerged(m, "severity"));
        Optional<String> runbook = annotations.flatMap(a -> scalarMerged(a, "runbook_url"))
                .or(() -> annotations.flatMap(a -> scalarMerged(a, "runbook")))
                .or(() -> scalarMerged(m, "runbook_url"));
        Optional<Node> exprNode = YamlNodes.getMerged(m, "expr");
        Optional<String> expr = exprNode.flatMap(YamlNodes::scalar).flatMap(Alerts::blankToEmpty);
        Threshold t = expr.map(Alerts::promThreshold).orElse(Threshold.NONE);
        List<AlertFact.Bound> bounds = exprNode.isPresent() && expr.isPresent()
                ? bounds(doc, yaml, exprNode.get(), expr.get(), records) : List.of();
        Node key = YamlNodes.keyNode(m, "alert").orElse(m);
        return new AlertFact(name, "yaml", expr, t.op(), t.value(), scalarMerged(m, "for").flatMap(Alerts::blankToEmpty),
                severity.flatMap(Alerts::blankToEmpty), runbook.flatMap(Alerts::blankToEmpty), yaml.range(key), bounds);
    }

    /**
     * The upper bounds an alert expression puts on an error ratio or a latency quantile: each
     * comparison that fires above a constant, with percentages and milliseconds scaled back.
     */
    private static List<AlertFact.Bound> bounds(MarkdownDocument doc, YamlBlock yaml, Node exprNode, String exprText,
            Map<String, PromQlExpr> records) {
        PromQlResult parsed = PromQlParser.parse(exprText);
        if (!parsed.ok()) {
            return List.of();
        }
        PromQlExpr root = parsed.expr().get();
        List<AlertFact.Bound> result = new ArrayList<>();
        for (PromQlAnalysis.Comparison c : PromQlAnalysis.comparisons(root)) {
            boolean upper = c.thresholdOnRight() ? c.op().startsWith(">") : c.op().startsWith("<");
            if (!upper) {
                continue;
            }
            Optional<AlertExprs.Measure> ratio = AlertExprs.errorRatio(c.metricSide(), records);
            if (ratio.isPresent() && ratio.get().scale() > 0) {
                result.add(new AlertFact.Bound(AlertFact.ERROR_RATIO, 0, c.threshold() / ratio.get().scale(),
                        thresholdRange(doc, yaml, exprNode, exprText, root, c)));
                continue;
            }
            Optional<AlertExprs.Measure> latency = AlertExprs.latencyQuantile(c.metricSide()).filter(x -> x.scale() > 0);
            if (latency.isPresent()) {
                result.add(new AlertFact.Bound(AlertFact.LATENCY, latency.get().quantile(),
                        c.threshold() / latency.get().scale(), thresholdRange(doc, yaml, exprNode, exprText, root, c)));
            }
        }
        return result;
    }

    /** The threshold literal in the Markdown file when it can be located exactly, else the expr value. */
    private static Range thresholdRange(MarkdownDocument doc, YamlBlock yaml, Node exprNode, String exprText,
            PromQlExpr root, PromQlAnalysis.Comparison c) {
        Range whole = yaml.range(exprNode);
        for (PromQlExpr node : PromQlAnalysis.preOrder(root)) {
            if (node instanceof PromQlExpr.BinaryExpr b && b.isComparison()
                    && (b.lhs() == c.metricSide() || b.rhs() == c.metricSide())) {
                PromQlExpr constant = b.lhs() == c.metricSide() ? b.rhs() : b.lhs();
                if (exprNode instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && !exprText.contains("\n")) {
                    int at = whole.start().offset() + constant.start();
                    return doc.source().range(at, whole.start().offset() + constant.end());
                }
                // Block and quoted scalars: find the comparison's text after the key.
                String piece = exprText.substring(b.start(), b.end());
                String firstLine = piece.contains("\n") ? piece.substring(piece.lastIndexOf('\n') + 1) : piece;
                String constantText = exprText.substring(constant.start(), constant.end());
                int limit = yaml.block().range().end().offset();
                int at = doc.text().indexOf(firstLine.strip(), whole.start().offset());
                if (at >= 0 && at < limit) {
                    int inner = doc.text().indexOf(constantText, at);
                    if (inner >= 0 && inner < limit) {
                        return doc.source().range(inner, inner + constantText.length());
                    }
                }
                return whole;
            }
        }
        return whole;
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
