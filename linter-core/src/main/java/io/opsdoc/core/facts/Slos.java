package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
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
 * Reads availability objectives: every target percentage (90 up to 100) outside latency
 * sentences, and every downtime allowance paired with its target and window. An allowance is a
 * duration in a sentence or table row about downtime, an outage or the error budget, or a
 * duration right before a window next to a target ({@code 99.9% = 43.2 min/month}); a duration
 * that is itself a window ({@code 28d} in a header) or a condition ("longer than 5 minutes") is
 * not one. The allowance is paired with the nearest target of its sentence, else the single
 * introduced target of its row or paragraph, else of its innermost section that states one.
 * Linear in the document: section look-ups go through a parent chain and are memoised.
 */
final class Slos {
    /** "may be down for 4 hours": here "for" introduces the allowance, not a condition. */
    private static final Pattern DOWN_FOR = Pattern.compile(
            "(?i)(?:down|unavailable|offline|outage|outages|downtime)\\s+(?:of\\s+|for\\s+)(?:up\\s+to\\s+|at\\s+most\\s+)?$");

    private record Target(Percentages.Found percent, Sentence sentence, Range range, int offset) {
    }

    /**
     * A sentence with what the passes below read of it, each computed once: its windows, its
     * targets and whether it introduces an availability objective (asked only of sentences with targets).
     */
    private final class Sentence {
        final MappedText mapped;
        final String text;
        final List<Windows.Found> windows;
        final List<Target> targets;
        private Boolean introduces;

        Sentence(MappedText mapped) {
            this.mapped = mapped;
            this.text = mapped.text();
            this.windows = Windows.find(text);
            this.targets = targets(this);
        }

        boolean introduces() {
            if (introduces == null) {
                introduces = introducing.matcher(text).find();
            }
            return introduces;
        }
    }

    private final MarkdownDocument doc;
    private final Pattern keywords;
    private final Pattern latency;
    private final Pattern introducing;
    private final Pattern excludedBefore;
    private final List<Section> sections;
    private final Map<Integer, List<Target>> targetsBySection = new HashMap<>();
    private final Map<Integer, List<Windows.Found>> windowsBySection = new HashMap<>();
    private final Map<Integer, Memo<Target>> targetMemo = new HashMap<>();
    private final Map<Integer, Memo<Windows.Found>> windowMemo = new HashMap<>();

    private Slos(MarkdownDocument doc) {
        this.doc = doc;
        Vocabulary vocabulary = Vocabulary.get();
        this.keywords = vocabulary.words("allowance.keywords");
        this.latency = vocabulary.words("latency.words");
        this.introducing = vocabulary.words("availability.words");
        this.excludedBefore = suffixPattern(vocabulary.list("allowance.excluded-before"));
        this.sections = doc.sections();
    }

    static List<SloFact> of(MarkdownDocument doc) {
        return new Slos(doc).read();
    }

    private List<SloFact> read() {
        List<TextUnits.Unit> units = TextUnits.of(doc);
        List<List<Sentence>> sentencesOf = new ArrayList<>(units.size());
        List<SloFact> result = new ArrayList<>();
        for (TextUnits.Unit unit : units) {
            int section = innermost(unit.start());
            List<Sentence> sentences = new ArrayList<>(unit.sentences().size());
            for (MappedText mapped : unit.sentences()) {
                Sentence sentence = new Sentence(mapped);
                sentences.add(sentence);
                if (section >= 0) {
                    targetsBySection.computeIfAbsent(section, k -> new ArrayList<>()).addAll(sentence.targets);
                    windowsBySection.computeIfAbsent(section, k -> new ArrayList<>()).addAll(sentence.windows);
                }
            }
            sentencesOf.add(sentences);
        }
        Set<Integer> paired = new LinkedHashSet<>();
        for (int u = 0; u < units.size(); u++) {
            TextUnits.Unit unit = units.get(u);
            List<Sentence> sentences = sentencesOf.get(u);
            List<int[]> allowanceCells = null;
            for (Sentence sentence : sentences) {
                String text = sentence.text;
                List<Durations.Found> durations = Durations.find(text);
                if (durations.isEmpty()) {
                    continue;
                }
                if (unit.kind() == TextUnits.Kind.ROW && allowanceCells == null) {
                    allowanceCells = allowanceCells(unit);
                }
                List<Windows.Found> windows = sentence.windows;
                List<Target> targets = sentence.targets;
                boolean keyword = keywords.matcher(text).find();
                for (Durations.Found allowance : durations) {
                    // A duration in a header ("SLO (30 days)") is a label, and in a row only a cell about
                    // downtime or the budget holds an allowance: a Window column does not.
                    if (!sentence.mapped.inFile(allowance.start())
                            || allowanceCells != null && !inside(allowanceCells, allowance.start())
                            || !isAllowance(text, allowance, windows, keyword || allowanceCells != null, !targets.isEmpty())) {
                        continue;
                    }
                    Optional<Target> target = nearest(targets, allowance)
                            .or(() -> unitTarget(sentences))
                            .or(() -> sectionTarget(innermost(unit.start())));
                    if (target.isEmpty()) {
                        continue;
                    }
                    Optional<Windows.Found> window = windowFor(allowance, windows)
                            .or(() -> single(target.get().sentence().windows))
                            .or(() -> single(windowsIn(sentences)))
                            .or(() -> sectionWindow(innermost(unit.start())));
                    paired.add(target.get().offset());
                    Range range = Blocks.range(doc, sentence.mapped, allowance.start(), allowance.end());
                    result.add(fact(target.get(), window, Optional.of(allowance), range));
                }
            }
        }
        // Targets stated without an allowance are objectives too (for SLO/alert comparisons and the facts output).
        for (List<Sentence> sentences : sentencesOf) {
            for (Sentence sentence : sentences) {
                for (Target t : sentence.targets) {
                    if (!paired.contains(t.offset()) && sentence.introduces()) {
                        paired.add(t.offset());
                        result.add(fact(t, single(sentence.windows), Optional.empty(), t.range()));
                    }
                }
            }
        }
        result.sort((a, b) -> Integer.compare(a.allowanceRange().start().offset(), b.allowanceRange().start().offset()));
        return List.copyOf(result);
    }

    /** Spans of the row's text (as TextUnits builds it) of the cells whose header or text is about an allowance. */
    private List<int[]> allowanceCells(TextUnits.Unit unit) {
        List<int[]> result = new ArrayList<>();
        List<io.opsdoc.core.markdown.TableCell> cells = unit.table().rows().get(unit.row());
        List<io.opsdoc.core.markdown.TableCell> header = unit.table().header();
        int pos = 0;
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                pos += 3;
            }
            String head = c < header.size() ? header.get(c).text() : "";
            if (c < header.size()) {
                pos += head.length() + 2;
            }
            int[] span = TextUnits.cellSpan(doc.source(), cells.get(c));
            int length = span[1] - span[0];
            String cellText = doc.text().substring(span[0], span[1]);
            if (keywords.matcher(head).find() || keywords.matcher(cellText).find()) {
                result.add(new int[] {pos, pos + length});
            }
            pos += length;
        }
        return result;
    }

    private static boolean inside(List<int[]> spans, int at) {
        for (int[] s : spans) {
            if (at >= s[0] && at < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static SloFact fact(Target t, Optional<Windows.Found> window, Optional<Durations.Found> allowance, Range at) {
        return new SloFact(t.percent().value(), t.percent().written(), window.map(Windows.Found::label),
                window.map(Windows.Found::minDays).orElse(0.0), window.map(Windows.Found::maxDays).orElse(0.0),
                allowance.map(Durations.Found::seconds), allowance.map(Durations.Found::lowerSeconds).orElse(0.0),
                allowance.map(Durations.Found::precision).orElse(0.0), allowance.map(a -> a.text().strip()), t.range(), at);
    }

    private boolean isAllowance(String text, Durations.Found d, List<Windows.Found> windows, boolean keyword,
            boolean targetInSentence) {
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
        // "p99 latency < 1 second" beside "error budget 43.2 minutes" is a latency target: a latency
        // word in the same clause before the duration makes it one, not an allowance.
        String clause = before.substring(Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')),
                before.lastIndexOf('(')) + 1);
        if (latency.matcher(clause).find()) {
            return false;
        }
        if (keyword) {
            return true;
        }
        return targetInSentence && windowFor(d, windows).filter(w -> w.start() - d.end() <= 3).isPresent();
    }

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

    private static List<Windows.Found> windowsIn(List<Sentence> sentences) {
        List<Windows.Found> result = new ArrayList<>();
        sentences.forEach(s -> result.addAll(s.windows));
        return result;
    }

    /**
     * Availability targets of a sentence: percentages with no latency word close before or after them
     * ("p99 latency under 300 ms for 99% of requests" is a latency objective; "availability 99.8%,
     * latency p95 < 500 ms" still states an availability target).
     */
    private List<Target> targets(Sentence sentence) {
        String text = sentence.text;
        List<Target> result = new ArrayList<>();
        for (Percentages.Found p : Percentages.targets(text)) {
            String near = text.substring(Math.max(0, p.start() - 40), Math.min(text.length(), p.end() + 25));
            if (latency.matcher(near).find()) {
                continue;
            }
            Range range = Blocks.range(doc, sentence.mapped, p.start(), p.end());
            result.add(new Target(p, sentence, range, range.start().offset()));
        }
        return result;
    }

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

    private Optional<Target> unitTarget(List<Sentence> sentences) {
        List<Target> all = new ArrayList<>();
        sentences.forEach(s -> all.addAll(s.targets));
        return singleTarget(introduced(all));
    }

    private static List<Target> introduced(List<Target> targets) {
        return targets.stream().filter(t -> t.sentence().introduces()).toList();
    }

    private static Optional<Target> singleTarget(List<Target> targets) {
        Set<String> values = new LinkedHashSet<>();
        targets.forEach(t -> values.add(Durations.number(t.percent().value())));
        return values.size() == 1 ? Optional.of(targets.get(0)) : Optional.empty();
    }

    /** What a section (with its sub-sections) says: whether it states any value, and the single one if so. */
    private record Memo<T>(boolean any, Optional<T> single) {
    }

    /** The single introduced target of the innermost section stating any, walking out to enclosing sections. */
    private Optional<Target> sectionTarget(int section) {
        for (int s = section; s >= 0; s = doc.parentIndex(s)) {
            Memo<Target> memo = targetMemo.computeIfAbsent(s, k -> {
                List<Target> inside = new ArrayList<>(introduced(collect(k, targetsBySection)));
                inside.sort((x, y) -> Integer.compare(x.offset(), y.offset()));
                return new Memo<>(!inside.isEmpty(), inside.isEmpty() ? Optional.empty() : singleTarget(inside));
            });
            if (memo.any()) {
                return memo.single();
            }
        }
        return Optional.empty();
    }

    private Optional<Windows.Found> sectionWindow(int section) {
        for (int s = section; s >= 0; s = doc.parentIndex(s)) {
            Memo<Windows.Found> memo = windowMemo.computeIfAbsent(s, k -> {
                List<Windows.Found> inside = collect(k, windowsBySection);
                return new Memo<>(!inside.isEmpty(), single(inside));
            });
            if (memo.any()) {
                return memo.single();
            }
        }
        return Optional.empty();
    }

    /** Values of section {@code s} and its sub-sections (which follow it in document order). */
    private <T> List<T> collect(int s, Map<Integer, List<T>> bySection) {
        List<T> result = new ArrayList<>();
        Section section = sections.get(s);
        for (int i = s; i < sections.size(); i++) {
            if (i > s && !section.containsInContent(sections.get(i).range().start().offset())) {
                break;
            }
            List<T> values = bySection.get(i);
            if (values != null) {
                result.addAll(values);
            }
        }
        return result;
    }

    /** Index of the innermost section holding {@code offset}, or -1. */
    private int innermost(int offset) {
        return doc.sectionAt(offset).map(Section::index).orElse(-1);
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
