package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the pipeline's time targets from the pipeline performance section: table rows (label in
 * the first column, the duration in a target/budget/goal column or the first cell holding one)
 * and list items ({@code - Build: 4 min}) are stage targets, unless their label says total or
 * names something that is not a stage (lead time, MTTR, queue); the total is the first labelled
 * total, else the first sentence about the total.
 */
final class PipelineTimes {
    private PipelineTimes() {
    }

    private record Item(String label, String text, Durations.Found duration, Range range) {
        TimedFact fact(String kind) {
            return new TimedFact(kind, label, duration.seconds(), duration.text().strip(), text.strip(), range);
        }
    }

    static List<TimedFact> of(MarkdownDocument doc, Section section) {
        Vocabulary vocabulary = Vocabulary.get();
        Pattern totalWords = vocabulary.words("pipeline.total-words");
        Pattern notStage = vocabulary.words("pipeline.not-a-stage");
        List<Item> items = new ArrayList<>();
        List<Item> sentences = new ArrayList<>();
        collect(doc, section, items, sentences);
        List<TimedFact> result = new ArrayList<>();
        Item total = null;
        for (Item item : items) {
            if (totalWords.matcher(item.label()).find()) {
                total = total == null ? item : total;
            } else if (!notStage.matcher(item.label()).find() && !item.label().isBlank()) {
                result.add(item.fact(TimedFact.STAGE));
            }
        }
        if (total == null) {
            total = sentences.stream().filter(s -> totalWords.matcher(s.text()).find()
                    && !notStage.matcher(s.text()).find()).findFirst().orElse(null);
        }
        if (total != null) {
            result.add(0, total.fact(TimedFact.PIPELINE_TOTAL));
        }
        return List.copyOf(result);
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
                Range range = Blocks.range(doc, sentence, d.get().start(), d.get().end());
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
        Range range = Blocks.range(doc, cell, d.get().start(), d.get().end());
        return Optional.of(new Item(clean(cells.get(0).text()), unit.text().text(), d.get(), range));
    }

    private static String clean(String label) {
        String s = label.replaceAll("^\\s*(?:[-*+]|\\d+[.)])\\s+", "").replace("*", "").replace("_", " ").replace("`", "");
        s = s.replaceAll("[:<>~\u2264\u2248]+\\s*$", "").strip();
        s = s.replaceAll("(?i)\\s*(?:under|below|less than|at most|within)$", "").strip();
        return s;
    }
}
