package io.opsdoc.rules.criteria;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.AlertFact;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Sections;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every alert needs a threshold comparison, a duration and a severity. */
public final class AlertThresholdsRule implements SetRule {
    static final Message NO_ALERTS = Message.of("no-alerts",
            "No alert rule is defined in {0}; define each alert as a YAML rule or a table row with a "
                    + "threshold, a duration and a severity");
    static final Message INCOMPLETE = Message.of("incomplete", "Alert '{0}' has {1}; add {2}");

    private static final String HELP = """
            "Alerts are configured with proper thresholds": each alert compares a signal with a number, \
            waits for a duration before firing (so a single scrape spike does not page anyone) and \
            carries a severity that routing can act on.

            The rule reads every alert of each monitoring document from the planning-set facts \
            (`opsdoc facts`): Prometheus rules in YAML blocks, with `<<` merge keys resolved, where \
            `expr` must compare with a number such as `> 0.05`, `== 0` or `> (14.4 * 0.001)`, `for` \
            must be set and `labels.severity` or a `severity` key must be set; and rows of alert tables \
            in any section, with an alert or alarm column, a condition or threshold column, and a \
            duration and severity column or an inline "for 5m". Without any alert, it reports the section.

            **How to fix**: complete the rule:

            ```yaml
            - alert: CheckoutErrorRateHigh
              expr: sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])) > 0.02
              for: 10m
              labels:
                severity: page
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("criteria/alert-thresholds", Level.WARNING,
                "An alert without a threshold comparison, a `for` duration or a severity", HELP,
                List.of("criteria", "monitoring", "alerting"))
                .appliesTo(DocumentFacts.MONITORING)
                .withMessages(NO_ALERTS, INCOMPLETE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.MONITORING, "Alerting").forEach(monitoring -> check(context, monitoring));
    }

    private void check(SetContext context, Focus monitoring) {
        MarkdownDocument doc = monitoring.document();
        Optional<Section> alerting = monitoring.section();
        List<AlertFact> alerts = monitoring.facts().alerts();
        if (alerts.isEmpty()) {
            context.report(doc, Sections.anchor(doc, alerting), NO_ALERTS, Sections.where(alerting, "Alerting"));
            return;
        }
        for (AlertFact alert : alerts) {
            List<String> missing = new ArrayList<>();
            if (alert.expression().isEmpty() || !alert.hasThreshold()) {
                missing.add(alert.expression().isEmpty() ? "no condition" : "no threshold comparison");
            }
            if (alert.forDuration().isEmpty()) {
                missing.add(alert.fromTable() ? "no duration" : "no `for` duration");
            }
            if (alert.severity().isEmpty()) {
                missing.add(alert.fromTable() ? "no severity" : "no severity label");
            }
            if (!missing.isEmpty()) {
                context.report(doc, alert.range(), INCOMPLETE, alert.name(), join(missing), fixes(missing, alert.fromTable()));
            }
        }
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String fixes(List<String> missing, boolean table) {
        List<String> fixes = new ArrayList<>();
        for (String m : missing) {
            if (m.contains("threshold") || m.contains("condition")) {
                fixes.add("a comparison with a number such as `> 0.02`");
            } else if (m.contains("duration")) {
                fixes.add(table ? "a duration such as 10 minutes" : "a duration such as `for: 10m`");
            } else {
                fixes.add(table ? "a severity" : "a severity label such as `severity: page`");
            }
        }
        return join(fixes);
    }
}
