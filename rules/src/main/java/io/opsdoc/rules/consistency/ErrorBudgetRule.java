package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.SloFact;
import io.opsdoc.core.facts.Windows;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.AppliesTo;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A downtime allowance that does not follow from its availability target and window: 99.9% of
 * 30 days is 43.2 minutes, not 4 hours.
 */
final class ErrorBudgetRule implements SetRule {
    static final String ID = "consistency/error-budget";

    private static final String HELP = """
            An availability target and the downtime it allows are two ways of writing the same number:
            99.9% over 30 days leaves 0.1% of 43,200 minutes, that is 43.2 minutes. When a plan states
            both and they disagree (the classic slip is "99.9% means about 4 hours a month"; 4 hours
            is closer to 99.5%), on-call engineers, error-budget policies and customers work from
            different numbers.

            The rule reads every document of the planning set. An *allowance* is a duration in a
            sentence or table row that talks about downtime, an outage, unavailability or the error
            budget ("at most 43.2 minutes of downtime per month", a *Downtime / month* column), or a
            duration directly followed by a window next to a target (`99.9% = 43.2 min/month`). It is
            paired with the availability target (a percentage from 90 up to 100) of the same
            sentence, else the single target of the same table row or paragraph, else the single
            target of its section; a target outside the allowance's sentence must be introduced as one
            (availability, uptime, SLO, SLA, objective, target), so a stray "90%" is not used. The window comes from the allowance's sentence, else the target's, else the
            paragraph or section (`per month`, `/month`, `monthly`, `over 30 days`, `28-day rolling
            window`, `per quarter`, `annually`, `per week`). A calendar month is 28 to 31 days (99.9%
            allows 40.3 to 44.6 minutes, so both 43.2 and 43.8 are right), a quarter 90 to 92 days,
            a year 365 or 366 days; an explicit "30 days" is exactly 30 days. When no window is
            written at all, the allowance must fit a week, a month, a quarter or a year.

            Rounding to the precision written is tolerated: "43 minutes" and "8.8 hours" are fine,
            and so is truncation by one unit of the last digit ("8h 45m" for 8.76 hours). Request-based
            budgets ("0.1% of requests may fail") are not downtime allowances and are not checked;
            durations after *longer than*, *after*, *within*, *every* and similar words are conditions,
            not allowances.

            **How to fix**: recompute the allowance from the target and the window (allowance =
            (1 − target) × window), or correct the target if the allowance is what was agreed:

            ```markdown
            | SLO | Target | Window | Allowed downtime |
            |---|---|---|---|
            | Availability | 99.9% | 30 days | 43.2 minutes |
            | Availability | 99.95% | 365 days | 4h 23m |
            ```
            """;

    static final Message MISMATCH = Message.of("mismatch",
            "{0}% over {1} allows {2} of downtime, not {3}; correct the allowance or the target");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A stated downtime allowance does not match its availability target and window", HELP,
            List.of("consistency", "slo"))
            .appliesTo(AppliesTo.anyType())
            .withMessages(MISMATCH);

    private static final double EPSILON = 1e-6;

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        for (DocumentFacts facts : DocumentFacts.of(context.set())) {
            for (SloFact slo : facts.slos()) {
                if (slo.allowanceSeconds().isPresent()) {
                    check(context, facts, slo);
                }
            }
        }
    }

    private void check(SetContext context, DocumentFacts facts, SloFact slo) {
        double budget = slo.budget();
        List<double[]> candidates = slo.hasWindow() ? List.of(new double[] {slo.windowMinDays(), slo.windowMaxDays()})
                : Windows.standard().stream().map(w -> new double[] {w.minDays(), w.maxDays()}).toList();
        for (double[] w : candidates) {
            if (fits(slo.allowanceSeconds().get(), slo.allowanceLowerSeconds(), slo.allowancePrecision(), budget, w[0], w[1])) {
                return;
            }
        }
        Windows.Found month = Windows.standard().get(1);
        double days = slo.hasWindow() ? typicalDays(slo.windowMinDays(), slo.windowMaxDays()) : month.typicalDays();
        String window = slo.hasWindow() ? describe(slo) : month.describe() + " (no window is stated)";
        double expected = budget * days * 86400;
        List<Location> related = new ArrayList<>();
        if (!slo.range().equals(slo.allowanceRange())) {
            related.add(new Location(facts.path(), slo.range(), "availability target " + slo.written() + "%"));
        }
        context.report(facts.document(), Report.of(slo.allowanceRange(), MISMATCH, slo.written(), window,
                Durations.format(expected), slo.allowanceWritten().orElse("")).withRelated(related));
    }

    private static double typicalDays(double min, double max) {
        return min == max ? min : min == 28 ? 30 : min;
    }

    private static String describe(SloFact slo) {
        String label = slo.window().orElse("");
        if (slo.windowMinDays() == slo.windowMaxDays()) {
            return label;
        }
        return "a " + Durations.number(typicalDays(slo.windowMinDays(), slo.windowMaxDays())) + "-day " + label;
    }

    /** True when the written allowance equals the budget of some window length in the window's range. */
    static boolean fits(Durations.Found allowance, double budget, Windows.Found window) {
        return fits(allowance.seconds(), allowance.lowerSeconds(), allowance.precision(), budget, window.minDays(),
                window.maxDays());
    }

    static boolean fits(double seconds, double lowerSeconds, double precision, double budget, double minDays,
            double maxDays) {
        double lo = budget * minDays * 86400;
        double hi = budget * maxDays * 86400;
        double lowest = lo - precision - EPSILON;
        double highest = hi + precision / 2 + EPSILON;
        return lowerSeconds <= highest && seconds >= lowest;
    }
}
