package io.opsdoc.core.rule;

import io.opsdoc.core.doctype.DocumentTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The typed documents of one folder. {@code folder} is the real directory, {@code displayFolder}
 * the path users see.
 */
public record PlanningSet(Path folder, String displayFolder, List<TypedDocument> documents, DocumentTypes types) {
    public PlanningSet {
        documents = List.copyOf(documents);
    }

    /** The document of type {@code typeId}, if the set has one. */
    public Optional<TypedDocument> document(String typeId) {
        return documents.stream().filter(d -> d.type().id().equals(typeId)).findFirst();
    }

    public boolean has(String typeId) {
        return document(typeId).isPresent();
    }
}
