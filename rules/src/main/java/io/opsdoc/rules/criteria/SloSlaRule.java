package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Percentages;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** SLIs, SLOs with numeric targets, and an SLA must be stated. */
public final class SloSlaRule implements SetRule {
    private static final Pattern SLI = Pattern.compile("\\bSLIs?\\b|\\bindicators?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLO = Pattern.compile("\\bSLOs?\\b|\\bobjectives?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLA = Pattern.compile("\\bSLAs?\\b|\\bagreements?\\b|service credits?", Pattern.CASE_INSENSITIVE);

    static final Message NO_SLI = Message.of("no-sli",
            "No service level indicators (SLIs) in {0}; name what is measured (e.g. share of successful "
                    + "requests, p95 latency)");
    static final Message NO_SLO = Message.of("no-slo",
            "No service level objectives (SLOs) in {0}; set targets on the SLIs (e.g. 99.9% availability "
                    + "over 30 days, p95 < 300 ms)");
    static final Message NO_TARGETS = Message.of("no-targets",
            "The SLOs in {0} have no numeric targets; give each a number (e.g. 99.9% over 30 days, p95 < 300 "
                    + "ms)");
    static final Message NO_SLA = Message.of("no-sla",
            "No service level agreement (SLA) in {0}; state what is promised to customers (usually looser "
                    + "than the SLO) or that there is none");

    private static final String HELP = """
            "SLOs and SLAs are established": the plan names the indicators it measures (SLIs), sets \
            objectives on them with numbers (99.9% of requests succeed over 30 days; p95 latency below \
            300 ms), and states the agreement made with customers (SLA), usually looser than the SLO.

            The rule reads the monitoring document's *SLIs, SLOs, SLAs* section (or the whole document \
            when the section is missing): its text, sub-headings and tables. An SLO without a percentage \
            or a latency bound is reported at the SLO sub-heading.

            **How to fix**:

            ```markdown
            | SLI | SLO (30 days) | SLA |
            |---|---|---|
            | share of non-5xx checkout requests | 99.9% | 99.5% |
            | p95 checkout latency | < 300 ms | — |
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("criteria/slo-sla", Level.WARNING,
                "No SLIs, or SLOs without numeric targets, or no SLA", HELP, List.of("criteria", "monitoring", "slo"))
                .appliesTo("monitoring-strategy")
                .withMessages(NO_SLI, NO_SLO, NO_TARGETS, NO_SLA);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.MONITORING, "SLIs, SLOs, SLAs").forEach(monitoring -> check(context, monitoring));
    }

    private void check(SetContext context, Focus monitoring) {
        MarkdownDocument doc = monitoring.document();
        Optional<Section> section = monitoring.section();
        String text = Evidence.text(doc, section);
        String where = Evidence.where(section, "SLIs, SLOs, SLAs");
        var anchor = Evidence.anchor(doc, section);
        if (!SLI.matcher(text).find()) {
            context.report(doc, anchor, NO_SLI, where);
        }
        if (!SLO.matcher(text).find()) {
            context.report(doc, anchor, NO_SLO, where);
        } else {
            Optional<Section> sloPart = section.flatMap(s -> doc.subsections(s).stream()
                    .filter(x -> SLO.matcher(x.title()).find() && !SLA.matcher(x.title()).find()).findFirst());
            String sloText = sloPart.map(s -> Evidence.text(doc, s)).orElse(text);
            if (!hasTarget(sloText)) {
                context.report(doc, Evidence.anchor(doc, sloPart.or(() -> section)), NO_TARGETS,
                        Evidence.where(sloPart.or(() -> section), "SLOs"));
            }
        }
        if (!SLA.matcher(text).find()) {
            context.report(doc, anchor, NO_SLA, where);
        }
    }

    /**
     * A numeric objective: a percentage (99.9%) or a latency bound below a minute (p95 < 300 ms), read
     * by the facts' one percentage and duration parsers (a window such as 30 days is not a target).
     */
    private static boolean hasTarget(String text) {
        return !Percentages.find(text).isEmpty() || Durations.find(text).stream().anyMatch(d -> d.seconds() < 60);
    }
}
