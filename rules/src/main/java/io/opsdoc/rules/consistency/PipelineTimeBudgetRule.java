package io.opsdoc.rules.consistency;

import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.facts.TextUnits;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            them, and the other stages add up in sequence around it. When the document says stages run
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

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Stage time targets add up to more than the stated pipeline total", HELP, List.of("consistency", "ci-cd"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** A labelled duration of the section. */
    record Item(String label, String text, Durations.Found duration, Range range) {
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> cicd = context.set().document(SetDocs.CICD);
        if (cicd.isEmpty()) {
            return;
        }
        MarkdownDocument doc = cicd.get().document();
        Optional<Section> section = SetDocs.section(cicd.get(), "Pipeline Performance");
        if (section.isEmpty()) {
            return;
        }
        Vocabulary vocabulary = Vocabulary.get();
        Pattern totalWords = vocabulary.words("pipeline.total-words");
        Pattern notStage = vocabulary.words("pipeline.not-a-stage");
        Pattern parallelWords = vocabulary.words("pipeline.parallel-words");
        List<Item> items = new ArrayList<>();
        List<Item> sentences = new ArrayList<>();
        collect(doc, section.get(), items, sentences);
        Item total = null;
        List<Item> stages = new ArrayList<>();
        for (Item item : items) {
            if (totalWords.matcher(item.label()).find()) {
                total = total == null ? item : total;
            } else if (!notStage.matcher(item.label()).find() && !item.label().isBlank()) {
                stages.add(item);
            }
        }
        if (total == null) {
            total = sentences.stream().filter(s -> totalWords.matcher(s.text()).find()
                    && !notStage.matcher(s.text()).find()).findFirst().orElse(null);
        }
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
        boolean documentSaysParallel = parallelWords.matcher(doc.proseText()).find();
        double path;
        String how;
        List<Item> counted = new ArrayList<>();
        if (!marked.isEmpty()) {
            double sequential = 0;
            for (Item stage : stages) {
                if (!marked.contains(stage)) {
                    sequential += stage.duration().seconds();
                    counted.add(stage);
                }
            }
            Item longest = longest(marked);
            counted.add(longest);
            path = sequential + longest.duration().seconds();
            how = "The longest path through the stages takes ";
        } else if (documentSaysParallel) {
            Item longest = longest(stages);
            counted.add(longest);
            path = longest.duration().seconds();
            how = "Stage " + longest.label() + " alone takes ";
        } else {
            counted.addAll(stages);
            path = stages.stream().mapToDouble(s -> s.duration().seconds()).sum();
            how = "Stage targets add up to ";
        }
        double limit = total.duration().seconds();
        if (path <= limit + 1e-6) {
            return;
        }
        StringBuilder parts = new StringBuilder();
        List<Location> related = new ArrayList<>();
        for (Item stage : counted) {
            if (!parts.isEmpty()) {
                parts.append(" + ");
            }
            parts.append(stage.label()).append(' ').append(Durations.format(stage.duration().seconds()));
            related.add(SetDocs.location(doc, stage.range(), stage.label() + ": " + stage.duration().text().strip()));
        }
        String message = how + Durations.format(path) + (counted.size() > 1 ? " (" + parts + ")" : "")
                + " but the pipeline total is " + Durations.format(limit)
                + "; raise the total or tighten the stage targets";
        context.report(doc, Report.of(total.range(), message).withRelated(related));
    }

    private static boolean namedIn(Item stage, List<Item> marked) {
        String label = stage.label().toLowerCase(Locale.ROOT);
        for (Item m : marked) {
            if (label.length() >= 3 && m != stage && m.text().toLowerCase(Locale.ROOT).contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static Item longest(List<Item> items) {
        Item best = items.get(0);
        for (Item i : items) {
            if (i.duration().seconds() > best.duration().seconds()) {
                best = i;
            }
        }
        return best;
    }

    private static void collect(MarkdownDocument doc, Section section, List<Item> items, List<Item> sentences) {
        for (TextUnits.Unit unit : TextUnits.of(doc, section)) {
            if (unit.kind() == TextUnits.Kind.ROW) {
                rowItem(doc, unit).ifPresent(items::add);
                continue;
            }
            if (unit.kind() == TextUnits.Kind.HEADING) {
                continue;
            }
            for (MappedText sentence : unit.sentences()) {
                String text = sentence.text();
                Optional<Durations.Found> d = Durations.first(text);
                if (d.isEmpty()) {
                    continue;
                }
                Range range = SetDocs.range(doc, sentence, d.get().start(), d.get().end());
                String stripped = text.stripLeading();
                boolean listItem = stripped.matches("(?s)(?:[-*+]|\\d+[.)])\\s+.*");
                int colon = text.indexOf(':');
                if (listItem && colon >= 0 && colon < d.get().start()) {
                    items.add(new Item(clean(text.substring(0, colon)), text, d.get(), range));
                } else if (listItem) {
                    items.add(new Item(clean(text.substring(0, d.get().start())), text, d.get(), range));
                } else {
                    sentences.add(new Item(clean(text), text, d.get(), range));
                }
            }
        }
    }

    private static Optional<Item> rowItem(MarkdownDocument doc, TextUnits.Unit unit) {
        Table table = unit.table();
        List<TableCell> cells = table.rows().get(unit.row());
        int column = table.column("target", "budget", "goal").orElse(-1);
        if (column < 0 || column >= cells.size() || Durations.first(cells.get(column).text()).isEmpty()) {
            column = -1;
            for (int c = 1; c < cells.size(); c++) {
                if (Durations.first(cells.get(c).text()).isPresent()) {
                    column = c;
                    break;
                }
            }
        }
        if (column <= 0 || column >= cells.size()) {
            return Optional.empty();
        }
        MappedText cell = new MappedText();
        TextUnits.appendCell(doc.source(), cells.get(column), cell);
        Optional<Durations.Found> d = Durations.first(cell.text());
        if (d.isEmpty()) {
            return Optional.empty();
        }
        Range range = SetDocs.range(doc, cell, d.get().start(), d.get().end());
        return Optional.of(new Item(clean(cells.get(0).text()), unit.text().text(), d.get(), range));
    }

    private static String clean(String label) {
        String s = label.replaceAll("^\\s*(?:[-*+]|\\d+[.)])\\s+", "").replace("*", "").replace("_", " ").replace("`", "");
        s = s.replaceAll("[:<>~\u2264\u2248]+\\s*$", "").strip();
        s = s.replaceAll("(?i)\\s*(?:under|below|less than|at most|within)$", "").strip();
        return s;
    }
}
