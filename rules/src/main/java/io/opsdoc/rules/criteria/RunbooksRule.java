package io.opsdoc.rules.criteria;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.Link;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Runbooks must exist, and alerts must point to them. */
public final class RunbooksRule implements SetRule {
    private static final Pattern RUNBOOK = Pattern.compile("run[- ]?books?|play[- ]?books?", Pattern.CASE_INSENSITIVE);

    private static final String HELP = """
            "Runbooks are created for common operations": whoever is paged at 3 a.m. finds, from the \
            alert, the page that says what to check and what to do. An alert without a runbook turns \
            every incident into research.

            The rule accepts as runbooks a section about runbooks in any document of the set (a heading \
            with "Runbook" or "Playbook" and content) or links to runbooks. It reports each alert rule \
            of the monitoring document without a `runbook_url` annotation (or runbook column) when the set \
            has no runbook section or link, and the *Alerting* section when there are neither alerts \
            nor runbooks.

            **How to fix**: link every alert to its runbook:

            ```yaml
            annotations:
              summary: Checkout error rate above 2%
              runbook_url: https://github.com/acme/shop/blob/main/docs/runbooks/checkout-errors.md
            ```
            """;

    @Override
    public RuleMeta meta() {
        return RuleMeta.of("criteria/runbooks", Level.WARNING, "No runbooks, or alerts that point to none", HELP,
                List.of("criteria", "operations"));
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> monitoring = Evidence.document(context, "monitoring-strategy");
        if (monitoring.isEmpty()) {
            return;
        }
        boolean runbooks = false;
        for (TypedDocument d : context.set().documents()) {
            runbooks |= hasRunbooks(d.document());
        }
        MarkdownDocument doc = monitoring.get().document();
        Optional<Section> alerting = Evidence.section(monitoring.get(), "Alerting");
        List<AlertRules.Alert> alerts = AlertRules.of(doc, alerting);
        if (runbooks) {
            return;
        }
        for (AlertRules.Alert alert : alerts) {
            if (alert.runbook().isEmpty()) {
                context.report(doc, alert.range(), "Alert '" + alert.name() + "' points to no runbook (no runbook_url"
                        + " annotation) and the planning set has no runbook section; add a runbook_url to the runbook"
                        + " that says what to check and do");
            }
        }
        if (alerts.isEmpty()) {
            context.report(doc, Evidence.anchor(doc, alerting), "No runbooks: no runbook section or runbook link in the"
                    + " planning set; write runbooks for the alerts and common operations and link them from "
                    + Evidence.where(alerting, "Alerting"));
        }
    }

    private static boolean hasRunbooks(MarkdownDocument doc) {
        for (Section s : doc.sections()) {
            if (RUNBOOK.matcher(s.title()).find() && !Evidence.text(doc, s).isBlank()) {
                return true;
            }
        }
        for (Link link : doc.links()) {
            if (RUNBOOK.matcher(link.url()).find() || RUNBOOK.matcher(link.text()).find()) {
                return true;
            }
        }
        return false;
    }
}
