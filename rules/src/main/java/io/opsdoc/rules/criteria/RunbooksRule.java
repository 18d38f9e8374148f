package io.opsdoc.rules.criteria;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.AlertFact;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Sections;
import io.opsdoc.core.markdown.Link;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
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

    /** "Runbook: https://wiki/..." inside an alert's message or a code block links a runbook too. */
    private static final Pattern RUNBOOK_LINK = Pattern.compile("(?i)run[- ]?books?\\b[^\\n]{0,40}?https?://");

    static final Message ALERT_WITHOUT_RUNBOOK = Message.of("alert-without-runbook",
            "Alert '{0}' has no runbook and the planning set has no runbook section; add a runbook column "
                    + "that links what to check and do");
    static final Message NO_RUNBOOKS = Message.of("no-runbooks",
            "The planning set has no runbooks for the alerts in {0}; write a runbook per alert and link it "
                    + "from the alert");

    private static final String HELP = """
            "Runbooks are created for common operations": whoever is paged at 3 a.m. finds, from the \
            alert, the page that says what to check and what to do. An alert without a runbook turns \
            every incident into research.

            The rule accepts as runbooks a section about runbooks in any document of the set (a heading \
            with "Runbook" or "Playbook" and content), links to runbooks (also "Runbook: https://..." \
            inside an alert message), or an alert with a runbook. When the set has none, it reports each \
            row of an alert table of the monitoring documents, and the *Alerting* section once. A \
            Prometheus alerting rule without a `runbook_url` is reported by \
            `prometheus/alert-missing-runbook` only, so that one alert is never reported twice on one line.

            **How to fix**: link every alert to its runbook:

            ```yaml
            annotations:
              summary: Checkout error rate above 2%
              runbook_url: https://github.com/acme/shop/blob/main/docs/runbooks/checkout-errors.md
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("criteria/runbooks", Level.WARNING, "No runbooks, or alerts that point to none", HELP,
                List.of("criteria", "operations"))
                .appliesTo(DocumentFacts.MONITORING)
                .withMessages(ALERT_WITHOUT_RUNBOOK, NO_RUNBOOKS);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        boolean runbooks = false;
        for (TypedDocument d : context.set().documents()) {
            runbooks |= hasRunbooks(d.document()) || DocumentFacts.of(d).alerts().stream().anyMatch(a -> a.runbook().isPresent());
        }
        if (runbooks) {
            return;
        }
        // Every monitoring document of the set is checked (one per service, for instance).
        for (Focus monitoring : Focus.each(context.set(), DocumentFacts.MONITORING, "Alerting")) {
            MarkdownDocument doc = monitoring.document();
            Optional<Section> alerting = monitoring.section();
            List<AlertFact> alerts = monitoring.facts().alerts();
            boolean yamlAlerts = false;
            for (AlertFact alert : alerts) {
                // A Prometheus rule without runbook_url is prometheus/alert-missing-runbook's finding; this
                // rule reports the alert-table rows it alone can see, and the missing runbooks once.
                if (alert.fromTable()) {
                    context.report(doc, alert.range(), ALERT_WITHOUT_RUNBOOK, alert.name());
                } else {
                    yamlAlerts = true;
                }
            }
            if (alerts.isEmpty() || yamlAlerts) {
                context.report(doc, Sections.anchor(doc, alerting), NO_RUNBOOKS, Sections.where(alerting, "Alerting"));
            }
        }
    }

    private static boolean hasRunbooks(MarkdownDocument doc) {
        for (Section s : doc.sections()) {
            if (RUNBOOK.matcher(s.title()).find() && !Evidence.text(doc, s).isBlank()) {
                return true;
            }
        }
        if (RUNBOOK_LINK.matcher(doc.text()).find()) {
            return true;
        }
        for (Link link : doc.links()) {
            if (RUNBOOK.matcher(link.url()).find() || RUNBOOK.matcher(link.text()).find()) {
                return true;
            }
        }
        return false;
    }
}
