package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.TimedFact;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Stage time targets of the pipeline performance section that do not fit the stated total. */
final class PipelineTimeBudgetRule implements SetRule {
    static final String ID = "consistency/pipeline-time-budget";

    private static final String HELP = """
            The pipeline performance section of the CI/CD plan usually gives a target per stage and a
            total. When the stage targets add up to more than the total, one of the two is wishful, and
            the team cannot tell which budget to defend when the pipeline slows down.

            The rule reads the *Pipeline Performance* section of the CI/CD document: a table (label
            in the first column, the target in the column whose header says *target*, else the first
            column holding durations) or a list (`- Build: < 3 minutes`). Units may mix (`90s`,
            `1.5 min`, `4m30s`); for a range (`2-3 min`) the upper bound counts, and `<`, `under`, `~`
            are read as the number they qualify. The total is the item labelled *Total*, *Overall*,
            *End-to-end* or *Whole pipeline*, or a sentence of the section that says so ("Total
            pipeline target: under 10 minutes"). Items such as lead time, MTTR, deployment frequency
            or queue time are not stages.

            Parallel stages: items that say they run in parallel (`Unit tests (parallel with lint)`,
            `Security scan — runs in parallel`) form one step that takes as long as the longest of
            them, and the other stages add up in sequence around it; a single item marked parallel \
            that names no other stage ("parallel with the checks") runs beside the item listed just \
            before it. When the document says stages run
            in parallel but the section does not say which, the stage graph is unknown: only a single
            stage longer than the total is reported then, because the longest path is at least that
            stage.

            **How to fix**: make the total at least the sum of the sequential stages (plus the longest
            of each parallel group), or tighten the stage targets:

            ```markdown
            | Stage | Target |
            |---|---|
            | Lint & security | < 2 min |
            | Build | < 3 min |
            | Test | < 5 min |
            | Deploy | < 3 min |
            | **Total** | **< 13 min** |
            ```
            """;

    static final Message OVER_BUDGET = Message.of("over-budget",
            "{0}{1}{2} but the pipeline total is {3}; raise the total or tighten the stage targets");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Stage time targets add up to more than the stated pipeline total", HELP, List.of("consistency", "ci-cd"))
            .appliesTo(DocumentFacts.CICD)
            .withMessages(OVER_BUDGET);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** A stage target or the total, as the facts read them from the pipeline performance section. */
    private record Item(String label, String text, double seconds, String written, Range range) {
        static Item of(TimedFact f) {
            return new Item(f.label(), f.context(), f.seconds(), f.written(), f.range());
        }
    }

    @Override
    public void check(SetContext context) {
        for (TypedDocument typed : context.set().documents()) {
            if (typed.type().id().equals(DocumentFacts.CICD)) {
                check(context, DocumentFacts.of(typed));
            }
        }
    }

    private void check(SetContext context, DocumentFacts facts) {
        MarkdownDocument doc = facts.document();
        Pattern parallelWords = Vocabulary.get().words("pipeline.parallel-words");
        Item total = facts.timings(TimedFact.PIPELINE_TOTAL).stream().findFirst().map(Item::of).orElse(null);
        List<Item> stages = facts.timings(TimedFact.STAGE).stream().map(Item::of).toList();
        if (total == null || stages.size() < 2) {
            return;
        }
        List<Item> marked = new ArrayList<>();
        for (Item stage : stages) {
            if (parallelWords.matcher(stage.text()).find()) {
                marked.add(stage);
            }
        }
        for (Item stage : stages) {
            if (!marked.contains(stage) && namedIn(stage, marked)) {
                marked.add(stage);
            }
        }
        if (marked.size() == 1) {
            // "Build and scan: 3 minutes (parallel with the checks)" names no other stage; a list or
            // table puts the stages that run together next to each other, so its partner is the
            // stage before it (the one after it when it comes first).
            int at = stages.indexOf(marked.get(0));
            marked.add(stages.get(at > 0 ? at - 1 : at + 1));
        }
        boolean documentSaysParallel = parallelWords.matcher(doc.proseText()).find();
        double path;
        String how;
        List<Item> counted = new ArrayList<>();
        if (!marked.isEmpty()) {
            double sequential = 0;
            for (Item stage : stages) {
                if (!marked.contains(stage)) {
                    sequential += stage.seconds();
                    counted.add(stage);
                }
            }
            Item longest = longest(marked);
            counted.add(longest);
            path = sequential + longest.seconds();
            how = "The longest path through the stages takes ";
        } else if (documentSaysParallel) {
            Item longest = longest(stages);
            counted.add(longest);
            path = longest.seconds();
            how = "Stage " + longest.label() + " alone takes ";
        } else {
            counted.addAll(stages);
            path = stages.stream().mapToDouble(Item::seconds).sum();
            how = "Stage targets add up to ";
        }
        double limit = total.seconds();
        if (path <= limit + 1e-6) {
            return;
        }
        StringBuilder parts = new StringBuilder();
        List<Location> related = new ArrayList<>();
        for (Item stage : counted) {
            if (!parts.isEmpty()) {
                parts.append(" + ");
            }
            parts.append(stage.label()).append(' ').append(Durations.format(stage.seconds()));
            related.add(new Location(doc.path(), stage.range(), stage.label() + ": " + stage.written()));
        }
        context.report(doc, Report.of(total.range(), OVER_BUDGET, how, Durations.format(path),
                counted.size() > 1 ? ", that is " + parts + "," : "", Durations.format(limit)).withRelated(related));
    }

    /**
     * True when a stage marked parallel names this one: its label, or most of the label's words
     * ("static analysis" names "Lint and Static Analysis").
     */
    private static boolean namedIn(Item stage, List<Item> marked) {
        String label = stage.label().toLowerCase(Locale.ROOT);
        List<String> words = java.util.Arrays.stream(label.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 4 && !w.equals("with") && !w.equals("stage")).toList();
        for (Item m : marked) {
            if (m == stage) {
                continue;
            }
            String text = m.text().toLowerCase(Locale.ROOT);
            if (label.length() >= 3 && text.contains(label)) {
                return true;
            }
            long named = words.stream().filter(w -> text.matches("(?s).*(?<![\\p{L}])" + java.util.regex.Pattern.quote(w) + "(?![\\p{L}]).*")).count();
            if (!words.isEmpty() && named * 2 > words.size()) {
                return true;
            }
        }
        return false;
    }

    private static Item longest(List<Item> items) {
        Item best = items.get(0);
        for (Item i : items) {
            if (i.seconds() > best.seconds()) {
                best = i;
            }
        }
        return best;
    }
}
