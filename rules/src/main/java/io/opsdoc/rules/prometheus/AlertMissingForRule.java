package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;

/** Alerting rules that fire on the first evaluation because they have no {@code for:}. */
final class AlertMissingForRule implements DocumentRule {
    static final String ID = "prometheus/alert-missing-for";

    private static final String HELP = """
            Without `for:`, an alert fires on the first evaluation where its expression is true, so
            a single scrape hiccup, a deploy or a short spike pages someone. `for:` makes the
            condition hold for a while before the alert goes from pending to firing. Always-firing
            heartbeat alerts (`expr: vector(1)`, the "Watchdog" pattern) are exempt.

            **How to fix**: add a `for:` that matches how long the condition may last before it
            needs a human (typically 2-15 minutes; longer for slow-burn alerts):

            ```yaml
            - alert: HighErrorRate
              expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05
              for: 5m
              labels:
                severity: critical
            ```
            """;

    static final Message MISSING = Message.of("missing",
            "alert '{0}' has no 'for:' duration, so it fires on the first evaluation; add for: (e.g. for: 5m)");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Alerting rule without a `for` duration", HELP, List.of("prometheus", "alerting"))
            .withMessages(MISSING);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (AlertRules.RuleNode rule : AlertRules.rules(context)) {
            if (!rule.alerting() || rule.get("for").isPresent()) {
                continue;
            }
            String expr = rule.get("expr").flatMap(YamlNodes::scalar).orElse("").replaceAll("\\s+", "");
            if (expr.equals("vector(1)")) {
                continue;
            }
            context.report(rule.nameRange(), MISSING, rule.name());
        }
    }
}
