package io.opsdoc.rules.consistency;

import io.opsdoc.core.facts.AlertFact;
import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Sections;
import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.Percentages;
import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.facts.TextUnits;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Alert thresholds so loose that the SLO is missed without a page. */
final class AlertVsSloRule implements SetRule {
    static final String ID = "consistency/alert-vs-slo";

    private static final Pattern SLA = Pattern.compile("(?i)(?<![\\p{L}])(?:SLAs?|service level agreements?|contract(?:ual)?|credits?)(?![\\p{L}])");
    private static final Pattern SLO = Pattern.compile("(?i)(?<![\\p{L}])(?:SLOs?|service level objectives?|objectives?|internal target)(?![\\p{L}])");
    private static final Pattern PERCENTILE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:p(\\d{2,3}(?:\\.\\d+)?)|(\\d{2}(?:\\.\\d+)?)(?:st|nd|rd|th)?[ -]percentile|(median))(?![\\p{L}\\p{N}])");
    private static final Pattern OF_REQUESTS = Pattern.compile("(?i)^\\s*of\\s+(?:all\\s+)?(?:requests|calls|responses|queries)");
    private static final Pattern ERROR_RATE = Pattern.compile("(?i)error[ -]?rate|errors?\\s*/|5xx|failed requests");

    private static final String HELP = """
            Alerts exist to page before the service level objective is missed. An error-rate alert at 5%
            for a 99.9% SLO (a 0.1% error budget) stays silent while the service burns its whole monthly
            budget in a few hours; a p99 latency alert at 2 s for a 300 ms p99 objective never fires
            while the objective is missed.

            The rule compares the Prometheus alerting rules in the YAML blocks of the monitoring
            document (rule files, bare rule lists, PrometheusRule resources) with the objectives of its
            *SLIs, SLOs, SLAs* section (the whole document when that section is missing). Thresholds are
            read from the parsed PromQL, with arithmetic evaluated (`> 14.4 * 0.001` is 0.0144) and
            percentages recognised (`... * 100 > 5` is 5%).

            * **Error rate**: an expression dividing failed requests (a 5xx `status`/`code` matcher or
              an error/failure metric) by all requests, or a recording rule defined that way. The
              tightest such alert must satisfy threshold ÷ (1 − target) ≤ 14.4 (option
              `max-burn-rate`): a burn rate of 14.4 spends 2% of a 30-day budget per hour, the usual
              fast-burn page. A multi-window burn-rate alert written for the SLO (`> (14.4 * 0.001)`
              for 99.9%) therefore passes. The target is the availability SLO; when both an SLO and
              an SLA are stated the SLO is used (an SLA is normally looser), and with several
              availability SLOs the lowest one, so that a finding holds for each. Without an
              availability target an explicit error-rate objective (`Error rate < 0.1%`) is the budget.
            * **Latency**: `histogram_quantile(q, ...)` (or a summary's `quantile="q"` series) compared
              with a threshold, against the objective for the same percentile (`p99 < 300ms`,
              `95th percentile response time < 500ms`, `99% of requests within 300 ms`). Bucket
              metrics in milliseconds are recognised by name. The tightest alert per percentile counts.

            **How to fix**: derive the thresholds from the objectives, for example for a 99.9% SLO and a
            p99 objective of 300 ms:

            ```yaml
            - alert: ErrorBudgetFastBurn
              expr: |
                sum(rate(http_requests_total{status=~"5.."}[1h])) / sum(rate(http_requests_total[1h])) > (14.4 * 0.001)
                and
                sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > (14.4 * 0.001)
              for: 2m
              labels:
                severity: page
            - alert: LatencyP99High
              expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.3
              for: 10m
              labels:
                severity: ticket
            ```
            """;

    static final OptionSpec<Double> MAX_BURN_RATE = OptionSpec.number("max-burn-rate", 14.4,
            "Largest accepted ratio of an error-rate alert threshold to the error budget")
            .validatedBy(rate -> rate > 0, "greater than 0");

    static final Message ERROR_RATE_TOO_LOOSE = Message.of("error-rate-too-loose",
            "Error-rate alert {0} fires at {1}, {2}× the {3} error budget of the {4} (at most {5}×); alert "
                    + "at {6} or below, e.g. a burn-rate alert > ({5} * {7})");
    static final Message LATENCY_ABOVE_OBJECTIVE = Message.of("latency-above-objective",
            "Latency alert {0} fires at a {1} of {2}, above the {1} objective of {3}; alert at {4} or below");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "An alert threshold so loose that the SLO's error budget burns without firing", HELP,
            List.of("consistency", "slo", "prometheus"))
            .withOptions(MAX_BURN_RATE)
            .appliesTo(DocumentFacts.MONITORING)
            .withMessages(ERROR_RATE_TOO_LOOSE, LATENCY_ABOVE_OBJECTIVE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** An availability or error-rate objective: {@code budget} is the allowed error fraction. */
    record Budget(double budget, String describe, boolean sla, Range range) {
    }

    /** A latency objective for one quantile. */
    record LatencySlo(double quantile, double seconds, String written, boolean sla, Range range) {
    }

    /** A compared alert expression. */
    record AlertThreshold(String alert, double value, double quantile, Range range) {
    }

    @Override
    public void check(SetContext context) {
        // Every monitoring document of the set (one per service) is checked on its own.
        for (TypedDocument monitoring : context.set().documents()) {
            if (monitoring.type().id().equals(DocumentFacts.MONITORING)) {
                check(context, monitoring);
            }
        }
    }

    private void check(SetContext context, TypedDocument monitoring) {
        MarkdownDocument doc = monitoring.document();
        Optional<Section> section = Sections.find(doc, Optional.of(monitoring.type()), "SLIs, SLOs, SLAs");
        List<TextUnits.Unit> units = section.map(s -> TextUnits.of(doc, s)).orElseGet(() -> TextUnits.of(doc));
        List<Budget> budgets = new ArrayList<>();
        List<Budget> errorRates = new ArrayList<>();
        List<LatencySlo> latencies = new ArrayList<>();
        readObjectives(doc, units, budgets, errorRates, latencies);
        List<AlertThreshold> ratios = new ArrayList<>();
        List<AlertThreshold> quantiles = new ArrayList<>();
        readAlerts(DocumentFacts.of(monitoring), ratios, quantiles);
        double maxBurn = maxBurn(context);
        chosen(budgets).or(() -> chosen(errorRates)).ifPresent(budget -> {
            AlertThreshold tightest = null;
            for (AlertThreshold a : ratios) {
                if (tightest == null || a.value() < tightest.value()) {
                    tightest = a;
                }
            }
            if (tightest != null && tightest.value() / budget.budget() > maxBurn * (1 + 1e-9)) {
                context.report(doc, Report.of(tightest.range(), ERROR_RATE_TOO_LOOSE, tightest.alert(),
                        percent(tightest.value()), Durations.number(tightest.value() / budget.budget()),
                        percent(budget.budget()), budget.describe(), Durations.number(maxBurn),
                        percent(maxBurn * budget.budget()), trim(budget.budget()))
                        .withRelated(List.of(new io.opsdoc.core.rule.Location(doc.path(), budget.range(), budget.describe()))));
            }
        });
        Map<Double, AlertThreshold> tightestPerQuantile = new TreeMap<>();
        for (AlertThreshold a : quantiles) {
            AlertThreshold current = tightestPerQuantile.get(a.quantile());
            if (current == null || a.value() < current.value()) {
                tightestPerQuantile.put(a.quantile(), a);
            }
        }
        for (AlertThreshold alert : tightestPerQuantile.values()) {
            Optional<LatencySlo> slo = latencySlo(latencies, alert.quantile());
            if (slo.isPresent() && alert.value() > slo.get().seconds() * (1 + 1e-9)) {
                String p = "p" + trim(alert.quantile() * 100);
                context.report(doc, Report.of(alert.range(), LATENCY_ABOVE_OBJECTIVE, alert.alert(), p,
                        Durations.format(alert.value()), slo.get().written(), Durations.format(slo.get().seconds()))
                        .withRelated(List.of(new io.opsdoc.core.rule.Location(doc.path(), slo.get().range(), p + " objective " + slo.get().written()))));
            }
        }
    }

    private static double maxBurn(SetContext context) {
        return context.options().get(MAX_BURN_RATE);
    }

    /** SLOs before SLAs; among several, the lowest target (largest budget). */
    private static Optional<Budget> chosen(List<Budget> budgets) {
        List<Budget> slos = budgets.stream().filter(b -> !b.sla()).toList();
        List<Budget> pool = slos.isEmpty() ? budgets : slos;
        return pool.stream().max((a, b) -> Double.compare(a.budget(), b.budget()));
    }

    private static Optional<LatencySlo> latencySlo(List<LatencySlo> all, double quantile) {
        List<LatencySlo> same = all.stream().filter(l -> Math.abs(l.quantile() - quantile) < 1e-9).toList();
        List<LatencySlo> slos = same.stream().filter(l -> !l.sla()).toList();
        List<LatencySlo> pool = slos.isEmpty() ? same : slos;
        return pool.stream().max((a, b) -> Double.compare(a.seconds(), b.seconds()));
    }

    private static void readObjectives(MarkdownDocument doc, List<TextUnits.Unit> units, List<Budget> budgets,
            List<Budget> errorRates, List<LatencySlo> latencies) {
        Pattern latencyWords = Vocabulary.get().words("latency.words");
        for (TextUnits.Unit unit : units) {
            String heading = doc.sectionAt(unit.start()).map(Section::title).orElse("");
            boolean headingSla = SLA.matcher(heading).find() && !SLO.matcher(heading).find();
            for (MappedText sentence : unit.sentences()) {
                String text = sentence.text();
                boolean sla = (SLA.matcher(text).find() && !SLO.matcher(text).find())
                        || (headingSla && !SLO.matcher(text).find());
                boolean latency = latencyWords.matcher(text).find() || PERCENTILE.matcher(text).find();
                if (!latency) {
                    for (Percentages.Found p : Percentages.targets(text)) {
                        String kind = sla ? "SLA" : "SLO";
                        budgets.add(new Budget(p.budget(), p.written() + "% availability " + kind, sla,
                                Blocks.range(doc, sentence, p.start(), p.end())));
                    }
                }
            }
            // Error-rate objectives and latency objectives are often split over a label and a list
            // ("**Latency**:", "- Measurement: p95", "- Target: < 500ms"), so they are read per unit.
            String text = unit.text().text();
            boolean sla = (SLA.matcher(text).find() && !SLO.matcher(text).find()) || headingSla;
            if (ERROR_RATE.matcher(text).find()) {
                for (Percentages.Found p : Percentages.find(text)) {
                    if (p.value() > 0 && p.value() < 10) {
                        errorRates.add(new Budget(p.fraction(), "error-rate objective of " + p.written() + "%", sla,
                                Blocks.range(doc, unit.text(), p.start(), p.end())));
                    }
                }
            }
            readLatency(doc, unit.text(), sla, latencies);
        }
    }

    private static void readLatency(MarkdownDocument doc, MappedText unit, boolean sla, List<LatencySlo> out) {
        String text = unit.text();
        List<int[]> marks = new ArrayList<>();
        List<Double> quantiles = new ArrayList<>();
        Matcher m = PERCENTILE.matcher(text);
        while (m.find()) {
            double q = m.group(1) != null ? pValue(m.group(1)) : m.group(2) != null ? Double.parseDouble(m.group(2)) / 100 : 0.5;
            marks.add(new int[] {m.start(), m.end()});
            quantiles.add(q);
        }
        for (Percentages.Found p : Percentages.find(text)) {
            if (p.value() >= 50 && p.value() < 100 && OF_REQUESTS.matcher(text.substring(p.end())).find()) {
                marks.add(new int[] {p.start(), p.end()});
                quantiles.add(p.value() / 100);
            }
        }
        if (marks.isEmpty()) {
            return;
        }
        for (Durations.Found d : Durations.find(text)) {
            if (d.seconds() >= 60) {
                continue;
            }
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < marks.size(); i++) {
                int distance = marks.get(i)[1] <= d.start() ? d.start() - marks.get(i)[1] : marks.get(i)[0] - d.end() + 10_000;
                if (distance >= 0 && distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            if (best >= 0) {
                out.add(new LatencySlo(quantiles.get(best), d.seconds(), d.text().strip(), sla,
                        Blocks.range(doc, unit, d.start(), d.end())));
            }
        }
    }

    /** "99" is 0.99, "999" 0.999, "99.9" 0.999, "50" 0.5. */
    static double pValue(String digits) {
        if (digits.contains(".")) {
            return Double.parseDouble(digits) / 100;
        }
        return Double.parseDouble("0." + digits);
    }

    /** The error-ratio and latency bounds of the document's alerts, as the facts read them (merge keys resolved). */
    private static void readAlerts(DocumentFacts facts, List<AlertThreshold> ratios, List<AlertThreshold> quantiles) {
        for (AlertFact alert : facts.alerts()) {
            for (AlertFact.Bound b : alert.bounds()) {
                (b.measure().equals(AlertFact.LATENCY) ? quantiles : ratios)
                        .add(new AlertThreshold(alert.name(), b.value(), b.quantile(), b.range()));
            }
        }
    }

    private static String percent(double fraction) {
        return trim(fraction * 100) + "%";
    }

    private static String trim(double value) {
        java.math.BigDecimal d = new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
