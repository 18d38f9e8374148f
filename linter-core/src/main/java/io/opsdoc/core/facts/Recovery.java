package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads recovery objectives (RTO, RPO) from prose ("RTO: 1 hour", "a recovery point objective of
 * 15 minutes") and from tables: a column headed RTO or RPO ({@code | Scenario | RTO | RPO |}) or a
 * row labelled so ({@code | RTO | 4 hours |}).
 */
final class Recovery {
    private static final Pattern RTO = Pattern.compile("(?i)(?<![\\p{L}])(?:RTO|recovery time objective)(?![\\p{L}])");
    private static final Pattern RPO = Pattern.compile("(?i)(?<![\\p{L}])(?:RPO|recovery point objective)(?![\\p{L}])");

    private Recovery() {
    }

    static List<TimedFact> of(MarkdownDocument doc) {
        List<TimedFact> result = new ArrayList<>();
        for (TextUnits.Unit unit : TextUnits.of(doc)) {
            if (unit.kind() == TextUnits.Kind.ROW) {
                row(doc, unit, result);
            } else if (unit.kind() == TextUnits.Kind.PARAGRAPH) {
                for (MappedText sentence : unit.sentences()) {
                    prose(doc, sentence, TimedFact.RTO, RTO, result);
                    prose(doc, sentence, TimedFact.RPO, RPO, result);
                }
            }
        }
        result.sort((a, b) -> Integer.compare(a.range().start().offset(), b.range().start().offset()));
        return List.copyOf(result);
    }

    /** The first duration within 80 characters after each mention. */
    private static void prose(MarkdownDocument doc, MappedText sentence, String kind, Pattern word, List<TimedFact> out) {
        String text = sentence.text();
        // Both patterns need "rto"/"rpo" or "recovery" (ASCII case aside): most sentences have none.
        if (!Durations.mayContain(text, "rto", "rpo", "recovery")) {
            return;
        }
        Matcher m = word.matcher(text);
        while (m.find()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 80));
            Optional<Durations.Found> d = Durations.first(after);
            if (d.isPresent()) {
                int start = m.end() + d.get().start();
                out.add(new TimedFact(kind, m.group(), d.get().seconds(), d.get().text().strip(), text.strip(),
                        Blocks.range(doc, sentence, start, m.end() + d.get().end())));
                return;
            }
        }
    }

    private static void row(MarkdownDocument doc, TextUnits.Unit unit, List<TimedFact> out) {
        Table table = unit.table();
        List<TableCell> cells = table.rows().get(unit.row());
        String context = unit.text().text().strip();
        for (int c = 0; c < cells.size() && c < table.header().size(); c++) {
            String header = table.header().get(c).text();
            String kind = RTO.matcher(header).find() ? TimedFact.RTO : RPO.matcher(header).find() ? TimedFact.RPO : null;
            if (kind != null) {
                cellDuration(doc, cells.get(c), kind, header.strip(), context).ifPresent(out::add);
            }
        }
        if (!cells.isEmpty()) {
            String label = cells.get(0).text();
            String kind = RTO.matcher(label).find() ? TimedFact.RTO : RPO.matcher(label).find() ? TimedFact.RPO : null;
            if (kind != null && !table.header().isEmpty() && !RTO.matcher(table.header().get(0).text()).find()
                    && !RPO.matcher(table.header().get(0).text()).find()) {
                for (int c = 1; c < cells.size(); c++) {
                    Optional<TimedFact> f = cellDuration(doc, cells.get(c), kind, label.strip(), context);
                    if (f.isPresent()) {
                        out.add(f.get());
                        break;
                    }
                }
            }
        }
    }

    private static Optional<TimedFact> cellDuration(MarkdownDocument doc, TableCell cell, String kind, String label,
            String context) {
        MappedText text = new MappedText();
        TextUnits.appendCell(doc.source(), cell, text);
        return Durations.first(text.text()).map(d -> {
            Range range = Blocks.range(doc, text, d.start(), d.end());
            return new TimedFact(kind, label, d.seconds(), d.text().strip(), context, range);
        });
    }
}
