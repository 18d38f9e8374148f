package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Monitoring must cover the golden signals: request rate, error rate, latency percentiles, saturation. */
public final class KeyMetricsRule implements SetRule {
    private static final List<String[]> SIGNALS = List.of(
            new String[] {"metric-request-rate", "request rate metric (requests per second, http_requests_total)",
                "add the request-rate SLI (e.g. rate(http_requests_total[5m]))"},
            new String[] {"metric-error-rate", "error rate metric (5xx ratio)",
                "add the error-rate SLI (share of 5xx responses)"},
            new String[] {"metric-latency", "latency percentile metric (p95/p99, histogram_quantile)",
                "add the latency SLI with its percentile (e.g. p95 from a duration histogram)"},
            new String[] {"metric-saturation", "saturation metric (CPU, memory, queue depth, connection pool)",
                "add saturation metrics for the scarcest resources"});

    static final Message MISSING_SIGNAL = Message.of("missing-signal",
            "No {0} found in {1}, the dashboards, alerts or SLIs and their code blocks; {2}");

    private static final String HELP = """
            A monitoring plan that a senior SRE accepts covers the four golden signals: traffic (request \
            rate), errors (error rate), latency as percentiles (averages hide the slow tail) and \
            saturation (CPU, memory, queue depth, pool usage).

            The rule reads the monitoring document's *Metrics Collection*, *Dashboards*, *Alerting* and \
            *SLIs, SLOs, SLAs* sections with their code blocks (metric names, PromQL) and tables. The \
            words per signal are options (`metric-request-rate`, `metric-error-rate`, `metric-latency`, \
            `metric-saturation`, and `extra-*`).

            **How to fix**: list the missing signal in *Metrics Collection*, for example:

            ```promql
            histogram_quantile(0.95, sum by (le) (rate(http_server_duration_seconds_bucket[5m])))
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        for (String[] s : SIGNALS) {
            options.addAll(Vocabulary.get().options(s[0], "Words that identify the " + s[1]));
        }
        return RuleMeta.of("criteria/key-metrics", Level.WARNING,
                "Monitoring misses one of request rate, error rate, latency percentiles, saturation", HELP,
                List.of("criteria", "monitoring")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("monitoring-strategy")
                .withMessages(MISSING_SIGNAL);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.MONITORING, "Metrics Collection").forEach(monitoring -> check(context, monitoring));
    }

    private void check(SetContext context, Focus monitoring) {
        MarkdownDocument doc = monitoring.document();
        Optional<Section> metrics = monitoring.section();
        List<Optional<Section>> places = List.of(metrics, monitoring.section("Dashboards"),
                monitoring.section("Alerting"), monitoring.section("SLIs, SLOs, SLAs"));
        String haystack = places.stream().anyMatch(Optional::isPresent) ? Evidence.text(doc, places) : Evidence.text(doc);
        for (String[] signal : SIGNALS) {
            if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), signal[0]))) {
                context.report(doc, Evidence.anchor(doc, metrics), MISSING_SIGNAL, signal[1],
                        Evidence.where(metrics, "Metrics Collection"), signal[2]);
            }
        }
    }
}
