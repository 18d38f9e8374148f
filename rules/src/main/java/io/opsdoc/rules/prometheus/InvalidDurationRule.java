package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.promql.PromDuration;
import io.opsdoc.core.promql.PromQlResult;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Durations Prometheus cannot parse: rule {@code for}/{@code keep_firing_for}, group intervals, ranges. */
final class InvalidDurationRule implements DocumentRule {
    static final String ID = "prometheus/invalid-duration";

    private static final List<String> RULE_FIELDS = List.of("for", "keep_firing_for");
    private static final List<String> GROUP_FIELDS = List.of("interval", "query_offset");

    private static final String HELP = """
            Prometheus durations are one or more `<number><unit>` parts with the units `ms`, `s`,
            `m`, `h`, `d`, `w`, `y`, largest first and without spaces: `30s`, `5m`, `1h30m`.
            `5 minutes`, `1h 30m`, `5M` or a bare `300` are rejected: a rule file with such a
            `for:`, `keep_firing_for:` or group `interval:` fails to load (and with it every rule
            of the file), and a range selector like `rate(x[5 minutes])` is a query error. The rule
            checks these fields and the range and subquery durations inside `expr:`, with the
            duration parser of the PromQL parser.

            **How to fix**: write the duration in Prometheus notation:

            ```yaml
            groups:
              - name: api
                interval: 30s
                rules:
                  - alert: ApiLatencyHigh
                    expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5
                    for: 10m
                    keep_firing_for: 5m
            ```
            """;

    static final Message INVALID = Message.of("invalid",
            "{0} '{1}' is not a Prometheus duration; {2} (units ms, s, m, h, d, w, y, largest first)");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "`for`/range durations that Prometheus cannot parse (`5 minutes`)", HELP, List.of("prometheus", "syntax"))
            .withMessages(INVALID);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        SourceFile source = context.document().source();
        for (AlertRules.Group group : AlertRules.groups(context)) {
            for (String field : GROUP_FIELDS) {
                checkField(context, group.block(), YamlDocs.get(group.node(), field), "group " + field);
            }
        }
        for (AlertRules.RuleNode rule : AlertRules.rules(context)) {
            for (String field : RULE_FIELDS) {
                checkField(context, rule.block(), rule.get(field), field);
            }
            Optional<Node> exprNode = rule.get("expr").filter(n -> n instanceof ScalarNode);
            if (exprNode.isEmpty()) {
                continue;
            }
            ScalarNode expr = (ScalarNode) exprNode.get();
            String text = expr.getValue();
            if (Exprs.notPromQl(text)) {
                continue;
            }
            PromQlResult result = Exprs.parse(text);
            result.error().flatMap(error -> Exprs.badRange(text, error)).ifPresent(bad -> {
                Range range = new Range(ScalarPositions.locate(source, rule.block(), expr, bad.start()),
                        ScalarPositions.locate(source, rule.block(), expr, bad.end() - 1));
                Range shown = new Range(range.start(), source.position(Math.min(range.end().offset() + 1,
                        source.lineContentEnd(range.start().line()))));
                context.report(shown, INVALID, "range", bad.text(), Exprs.durationFix(bad.text()));
            });
        }
    }

    private static void checkField(DocumentContext context, YamlBlock block, Optional<Node> node, String what) {
        if (node.isEmpty() || !(node.get() instanceof ScalarNode scalar)) {
            return;
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty() || value.contains("{{") || value.contains("${")) {
            return;
        }
        if (PromDuration.parse(value).isEmpty()) {
            context.report(block.range(scalar), INVALID, what, value, Exprs.durationFix(value));
        }
    }
}
