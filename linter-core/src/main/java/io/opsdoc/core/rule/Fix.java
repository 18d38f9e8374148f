package io.opsdoc.core.rule;

import java.util.List;

/** A safe correction for one finding: edits to the flagged file and/or files to create. */
public record Fix(String description, List<TextEdit> edits, List<FileCreation> creations) {
    public Fix {
        edits = List.copyOf(edits);
        creations = List.copyOf(creations);
    }

    public static Fix edit(String description, TextEdit... edits) {
        return new Fix(description, List.of(edits), List.of());
    }

    public static Fix create(String description, FileCreation creation) {
        return new Fix(description, List.of(), List.of(creation));
    }
}
