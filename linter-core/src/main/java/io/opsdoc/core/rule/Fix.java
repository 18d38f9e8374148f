package io.opsdoc.core.rule;

import java.util.List;

/**
 * A correction for one finding: edits to the flagged file and/or files to create.
 *
 * @param suggestion true for a correction that removes text: reports offer it (SARIF {@code fixes},
 *     the JSON report), but {@code opsdoc fix} never applies it, because fix only adds lines or
 *     language tags and never drops a character of the user's text
 */
public record Fix(String description, List<TextEdit> edits, List<FileCreation> creations, boolean suggestion) {
    public Fix {
        edits = List.copyOf(edits);
        creations = List.copyOf(creations);
    }

    public Fix(String description, List<TextEdit> edits, List<FileCreation> creations) {
        this(description, edits, creations, false);
    }

    public static Fix edit(String description, TextEdit... edits) {
        return new Fix(description, List.of(edits), List.of());
    }

    public static Fix create(String description, FileCreation creation) {
        return new Fix(description, List.of(), List.of(creation));
    }

    /** A correction reports offer and users apply by hand; {@code opsdoc fix} leaves it alone. */
    public static Fix suggest(String description, TextEdit... edits) {
        return new Fix(description, List.of(edits), List.of(), true);
    }

    /** True when {@code opsdoc fix} may apply it. */
    public boolean automatic() {
        return !suggestion;
    }
}
