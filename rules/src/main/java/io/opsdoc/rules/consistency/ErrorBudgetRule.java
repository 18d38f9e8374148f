package io.opsdoc.rules.consistency;

import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.Percentages;
import io.opsdoc.core.facts.Windows;
import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.facts.TextUnits;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
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

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A stated downtime allowance does not match its availability target and window", HELP,
            List.of("consistency", "slo"));

    private static final double EPSILON = 1e-6;
    /** "may be down for 4 hours": here "for" introduces the allowance, not a condition. */
    private static final Pattern DOWN_FOR = Pattern.compile(
            "(?i)(?:down|unavailable|offline|outage|outages|downtime)\\s+(?:of\\s+|for\\s+)(?:up\\s+to\\s+|at\\s+most\\s+)?$");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** A target percentage in context. */
    private record Target(Percentages.Found percent, MarkdownDocument doc, MappedText sentence, Range range) {
    }

    @Override
    public void check(SetContext context) {
        Vocabulary vocabulary = Vocabulary.get();
        Pattern keywords = vocabulary.words("allowance.keywords");
        Pattern latency = vocabulary.words("latency.words");
        Pattern excludedBefore = suffixPattern(vocabulary.list("allowance.excluded-before"));
        for (TypedDocument typed : context.set().documents()) {
            MarkdownDocument doc = typed.document();
            List<TextUnits.Unit> units = TextUnits.of(doc);
            Map<Section, List<Target>> targetsBySection = new HashMap<>();
            Map<Section, List<Windows.Found>> windowsBySection = new HashMap<>();
            for (TextUnits.Unit unit : units) {
                Optional<Section> section = doc.sectionAt(unit.start());
                for (MappedText sentence : unit.sentences()) {
                    List<Target> targets = targets(doc, sentence, latency);
                    section.ifPresent(s -> targetsBySection.computeIfAbsent(s, k -> new ArrayList<>()).addAll(targets));
                    section.ifPresent(s -> windowsBySection.computeIfAbsent(s, k -> new ArrayList<>())
                            .addAll(Windows.find(sentence.text())));
                }
            }
            for (TextUnits.Unit unit : units) {
                List<MappedText> sentences = unit.sentences();
                for (MappedText sentence : sentences) {
                    String text = sentence.text();
                    List<Windows.Found> windows = Windows.find(text);
                    List<Target> targets = targets(doc, sentence, latency);
                    boolean keyword = keywords.matcher(text).find();
                    for (Durations.Found allowance : Durations.find(text)) {
                        if (!isAllowance(text, allowance, windows, keyword, !targets.isEmpty(), excludedBefore)) {
                            continue;
                        }
                        Optional<Target> target = nearest(targets, allowance)
                                .or(() -> unitTarget(doc, sentences, latency))
                                .or(() -> sectionTarget(doc, unit, targetsBySection));
                        if (target.isEmpty()) {
                            continue;
                        }
                        Optional<Windows.Found> window = windowFor(allowance, windows)
                                .or(() -> single(Windows.find(target.get().sentence().text())))
                                .or(() -> single(windowsIn(sentences)))
                                .or(() -> sectionWindow(doc, unit, windowsBySection));
                        check(context, doc, sentence, allowance, target.get(), window);
                    }
                }
            }
        }
    }

    private void check(SetContext context, MarkdownDocument doc, MappedText sentence, Durations.Found allowance,
            Target target, Optional<Windows.Found> window) {
        double budget = target.percent().budget();
        List<Windows.Found> candidates = window.map(List::of).orElseGet(Windows::standard);
        for (Windows.Found w : candidates) {
            if (fits(allowance, budget, w)) {
                return;
            }
        }
        Windows.Found shown = window.orElse(Windows.standard().get(1));
        double expected = budget * shown.typicalDays() * 86400;
        String over = window.isPresent() ? "over " + shown.describe() : "over " + shown.describe() + " (no window stated)";
        String message = target.percent().written() + "% " + over + " allows " + Durations.format(expected)
                + " of downtime, not " + allowance.text().strip()
                + "; correct the allowance or the target";
        Range range = SetDocs.range(doc, sentence, allowance.start(), allowance.end());
        List<Location> related = new ArrayList<>();
        if (!target.range().equals(range)) {
            related.add(SetDocs.location(doc, target.range(), "availability target " + target.percent().written() + "%"));
        }
        context.report(doc, Report.of(range, message).withRelated(related));
    }

    /** True when the written allowance equals the budget of some window length in the window's range. */
    static boolean fits(Durations.Found allowance, double budget, Windows.Found window) {
        double lo = budget * window.minDays() * 86400;
        double hi = budget * window.maxDays() * 86400;
        double precision = allowance.precision();
        double lowest = lo - precision - EPSILON;
        double highest = hi + precision / 2 + EPSILON;
        return allowance.lowerSeconds() <= highest && allowance.seconds() >= lowest;
    }

    private static boolean isAllowance(String text, Durations.Found d, List<Windows.Found> windows, boolean keyword,
            boolean targetInSentence, Pattern excludedBefore) {
        for (Windows.Found w : windows) {
            if (d.start() < w.end() && w.start() < d.end()) {
                return false;
            }
        }
        if (d.precision() < 1 && d.seconds() < 1) {
            return false;
        }
        String before = text.substring(Math.max(0, d.start() - 30), d.start());
        if (excludedBefore.matcher(before).find() && !DOWN_FOR.matcher(before).find()) {
            return false;
        }
        if (keyword) {
            return true;
        }
        // "99.9% = 43.2 min/month": a duration right before a window, next to a target.
        return targetInSentence && windowFor(d, windows).filter(w -> w.start() - d.end() <= 3).isPresent();
    }

    /** The window written right after the allowance ("43.2 minutes per month"), else the only one of the sentence. */
    private static Optional<Windows.Found> windowFor(Durations.Found d, List<Windows.Found> windows) {
        for (Windows.Found w : windows) {
            if (w.start() >= d.end() && w.start() - d.end() <= 24) {
                return Optional.of(w);
            }
        }
        return single(windows);
    }

    private static Optional<Windows.Found> single(List<Windows.Found> windows) {
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        Windows.Found first = windows.get(0);
        return windows.stream().allMatch(w -> w.sameAs(first)) ? Optional.of(first) : Optional.empty();
    }

    private static List<Windows.Found> windowsIn(List<MappedText> sentences) {
        List<Windows.Found> result = new ArrayList<>();
        sentences.forEach(s -> result.addAll(Windows.find(s.text())));
        return result;
    }

    private static List<Target> targets(MarkdownDocument doc, MappedText sentence, Pattern latency) {
        if (latency.matcher(sentence.text()).find()) {
            return List.of();
        }
        List<Target> result = new ArrayList<>();
        for (Percentages.Found p : Percentages.targets(sentence.text())) {
            result.add(new Target(p, doc, sentence, SetDocs.range(doc, sentence, p.start(), p.end())));
        }
        return result;
    }

    /** The target written before the allowance and closest to it, else the closest one after it. */
    private static Optional<Target> nearest(List<Target> targets, Durations.Found d) {
        Target before = null;
        Target after = null;
        for (Target t : targets) {
            if (t.percent().end() <= d.start()) {
                before = t;
            } else if (after == null) {
                after = t;
            }
        }
        return Optional.ofNullable(before != null ? before : after);
    }

    private static Optional<Target> unitTarget(MarkdownDocument doc, List<MappedText> sentences, Pattern latency) {
        List<Target> all = new ArrayList<>();
        sentences.forEach(s -> all.addAll(targets(doc, s, latency)));
        return singleTarget(introduced(all));
    }

    /** Targets whose sentence says what they are ("availability", "SLO", "uptime"): a bare 90% is not one. */
    private static List<Target> introduced(List<Target> targets) {
        Pattern words = Vocabulary.get().words("availability.words");
        return targets.stream().filter(t -> words.matcher(t.sentence().text()).find()).toList();
    }

    private static Optional<Target> singleTarget(List<Target> targets) {
        Set<String> values = new LinkedHashSet<>();
        targets.forEach(t -> values.add(Durations.number(t.percent().value())));
        return values.size() == 1 ? Optional.of(targets.get(0)) : Optional.empty();
    }

    /** The single target of the innermost section that states any, walking out to enclosing sections. */
    private static Optional<Target> sectionTarget(MarkdownDocument doc, TextUnits.Unit unit, Map<Section, List<Target>> bySection) {
        for (Section s : enclosing(doc, unit.start())) {
            List<Target> inside = new ArrayList<>();
            for (Map.Entry<Section, List<Target>> e : bySection.entrySet()) {
                if (e.getKey() == s || s.containsInContent(e.getKey().range().start().offset())) {
                    inside.addAll(e.getValue());
                }
            }
            inside = new ArrayList<>(introduced(inside));
            if (!inside.isEmpty()) {
                inside.sort((a, b) -> Integer.compare(a.range().start().offset(), b.range().start().offset()));
                return singleTarget(inside);
            }
        }
        return Optional.empty();
    }

    private static Optional<Windows.Found> sectionWindow(MarkdownDocument doc, TextUnits.Unit unit,
            Map<Section, List<Windows.Found>> bySection) {
        for (Section s : enclosing(doc, unit.start())) {
            List<Windows.Found> inside = new ArrayList<>();
            for (Map.Entry<Section, List<Windows.Found>> e : bySection.entrySet()) {
                if (e.getKey() == s || s.containsInContent(e.getKey().range().start().offset())) {
                    inside.addAll(e.getValue());
                }
            }
            if (!inside.isEmpty()) {
                return single(inside);
            }
        }
        return Optional.empty();
    }

    /** Sections holding {@code offset}, innermost first. */
    private static List<Section> enclosing(MarkdownDocument doc, int offset) {
        List<Section> result = new ArrayList<>();
        for (Section s : doc.sections()) {
            if (s.contains(offset)) {
                result.add(s);
            }
        }
        result.sort((a, b) -> Integer.compare(b.level(), a.level()));
        return result;
    }

    /** Matches when the text ends with one of {@code words} (and optional punctuation such as ":" or "<"). */
    static Pattern suffixPattern(List<String> words) {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}])(?:");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(Pattern.quote(words.get(i)).replace(" ", "\\E\\s+\\Q"));
        }
        sb.append(")\\s*[:~<>=\u2264\u2265]*\\s*\\**\\s*$");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }
}
