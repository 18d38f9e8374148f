package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;

/** Alerting rules without a {@code severity} label. */
final class AlertMissingSeverityRule implements DocumentRule {
    static final String ID = "prometheus/alert-missing-severity";

    private static final String HELP = """
            Alertmanager routes on labels: without `labels.severity`, an alert cannot be told apart
            from the others, so it either pages for something that could wait or lands in a channel
            nobody watches. Inhibition rules (critical silences warning) also key on severity. A
            `severity:` written next to `expr:` instead of under `labels:` does not count (and is
            reported by `prometheus/invalid-rule-field`).

            **How to fix**: add a severity label with a value your routing tree knows:

            ```yaml
            - alert: DiskWillFillIn4Hours
              expr: predict_linear(node_filesystem_avail_bytes{fstype!="tmpfs"}[6h], 4 * 3600) < 0
              for: 15m
              labels:
                severity: warning
                team: platform
            ```
            """;

    static final Message MISSING = Message.of("missing",
            "alert '{0}' has no severity label, so routing cannot tell how urgent it is; add labels: "
                    + "severity: (e.g. critical or warning)");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Alerting rule without a severity label", HELP, List.of("prometheus", "alerting"))
            .withMessages(MISSING);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (AlertRules.RuleNode rule : AlertRules.rules(context)) {
            if (!rule.alerting()) {
                continue;
            }
            boolean hasSeverity = rule.get("labels").map(labels -> YamlDocs.has(labels, "severity")).orElse(false);
            if (!hasSeverity) {
                context.report(rule.nameRange(), MISSING, rule.name());
            }
        }
    }
}
