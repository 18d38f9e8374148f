package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.rules.criteria.Evidence;
import io.opsdoc.core.facts.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Principle 10: logs, metrics and traces are all covered from day one. */
public final class ObservabilityRule implements SetRule {
    static final Message MISSING_PILLAR = Message.of("missing-pillar",
            "Observability misses {0}: nothing about them in the monitoring plan; {1}");

    private static final String HELP = """
            Principle 10, "Observability — logging, metrics, tracing from day one": the three pillars \
            answer different questions (what happened, how much, where the time went) and none replaces \
            another. Tracing is the one most often forgotten.

            The rule reads the monitoring document: the *Logging Strategy* and *Metrics Collection* \
            sections (with content) and logging, metrics and tracing names anywhere in the document \
            (options `logging`, `metrics`, `tracing`: OpenTelemetry, Jaeger, Tempo, X-Ray, trace ids...). \
            It reports each missing pillar on *Monitoring Overview*.

            **How to fix**: add the missing pillar, for example a *Tracing* section:

            ```yaml
            exporters:
              otlp:
                endpoint: tempo.observability:4317
            ```

            "Every service is instrumented with the OpenTelemetry SDK; trace ids are written into each log line."
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("logging", "Logging tools and words"));
        options.addAll(Vocabulary.get().options("metrics", "Metrics tools and words"));
        options.addAll(Vocabulary.get().options("tracing", "Tracing tools and words"));
        return RuleMeta.of("principles/observability", Level.WARNING, "Logs, metrics and traces are not all covered",
                HELP, List.of("principles", "monitoring")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("monitoring-strategy")
                .withMessages(MISSING_PILLAR);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.MONITORING, "Monitoring Overview").forEach(monitoring -> check(context, monitoring));
    }

    private void check(SetContext context, Focus monitoring) {
        MarkdownDocument doc = monitoring.document();
        String text = Evidence.text(doc);
        Optional<Section> overview = monitoring.section();
        String[][] pillars = {
            {"Logging Strategy", "logging", "logs", "say how logs are structured, collected and kept"},
            {"Metrics Collection", "metrics", "metrics", "say which metrics are collected and with what"},
            {null, "tracing", "traces", "add distributed tracing (e.g. OpenTelemetry with Jaeger or Tempo)"},
        };
        for (String[] pillar : pillars) {
            Optional<Section> section = pillar[0] == null ? Optional.empty() : monitoring.section(pillar[0]);
            boolean covered = section.map(s -> !Evidence.text(doc, s).isBlank()).orElse(false)
                    || Vocabulary.contains(text, Vocabulary.get().effective(context.options(), pillar[1]));
            if (!covered) {
                context.report(doc, Evidence.anchor(doc, overview), MISSING_PILLAR, pillar[2], pillar[3]);
            }
        }
    }
}
