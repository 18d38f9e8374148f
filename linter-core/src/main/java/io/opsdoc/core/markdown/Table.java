package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** A GitHub-flavoured table: the header row and the body rows. */
public record Table(List<TableCell> header, List<List<TableCell>> rows, Range range) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Index of the first header cell whose lower-cased text contains one of {@code words}. */
    public OptionalInt column(String... words) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).text().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (h.contains(w.toLowerCase(Locale.ROOT))) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }
}
