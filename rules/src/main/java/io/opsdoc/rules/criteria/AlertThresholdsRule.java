package io.opsdoc.rules.criteria;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every alert needs a threshold comparison, a duration and a severity. */
public final class AlertThresholdsRule implements SetRule {
    private static final String HELP = """
            "Alerts are configured with proper thresholds": each alert compares a signal with a number, \
            waits for a duration before firing (so a single scrape spike does not page anyone) and \
            carries a severity that routing can act on.

            The rule reads every alerting rule of the monitoring document: Prometheus rules in YAML blocks \
            (any mapping with `alert:` — `expr` must contain a comparison with a number such as `> 0.05` \
            or `== 0`; `for` must be set; `labels.severity` or a `severity` key must be set) and rows of \
            alert tables in the *Alerting* section (a condition/threshold column, and a duration and \
            severity column or an inline "for 5m"). Without any alert definition, it reports the section.

            **How to fix**: complete the rule:

            ```yaml
            - alert: CheckoutErrorRateHigh
              expr: sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])) > 0.02
              for: 10m
              labels:
                severity: page
            ```
            """;

    @Override
    public RuleMeta meta() {
        return RuleMeta.of("criteria/alert-thresholds", Level.WARNING,
                "An alert without a threshold comparison, a `for` duration or a severity", HELP,
                List.of("criteria", "monitoring", "alerting"));
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> monitoring = Evidence.document(context, "monitoring-strategy");
        if (monitoring.isEmpty()) {
            return;
        }
        MarkdownDocument doc = monitoring.get().document();
        Optional<Section> alerting = Evidence.section(monitoring.get(), "Alerting");
        List<AlertRules.Alert> alerts = AlertRules.of(doc, alerting);
        if (alerts.isEmpty()) {
            context.report(doc, Evidence.anchor(doc, alerting), "No alert rule defined in "
                    + Evidence.where(alerting, "Alerting")
                    + " (no YAML rule with `alert:` and no alert table with a condition column); define each alert with"
                    + " a threshold, a `for` duration and a severity");
            return;
        }
        for (AlertRules.Alert alert : alerts) {
            List<String> missing = new ArrayList<>();
            if (alert.expr().isEmpty() || !AlertRules.hasThreshold(alert.expr().get())) {
                missing.add(alert.expr().isEmpty() ? "no condition" : "no threshold comparison in its condition");
            }
            if (alert.duration().isEmpty()) {
                missing.add(alert.fromTable() ? "no duration" : "no `for` duration");
            }
            if (alert.severity().isEmpty()) {
                missing.add(alert.fromTable() ? "no severity" : "no severity label");
            }
            if (!missing.isEmpty()) {
                context.report(doc, alert.range(), "Alert '" + alert.name() + "' has " + String.join(", ", missing)
                        + "; give it a comparison with a number (e.g. `> 0.02`), a duration (e.g. `for: 10m`) and a"
                        + " severity (e.g. `labels: {severity: page}`)");
            }
        }
    }
}
