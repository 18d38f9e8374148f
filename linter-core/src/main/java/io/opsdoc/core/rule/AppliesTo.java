package io.opsdoc.core.rule;

import io.opsdoc.core.doctype.DocumentType;
import java.util.List;
import java.util.Optional;

/**
 * The documents a rule looks at, from its metadata; the engine does not run a rule elsewhere.
 *
 * @param typedOnly true when untyped Markdown files are out of scope
 * @param types the document type ids in scope; empty means every type
 */
public record AppliesTo(boolean typedOnly, List<String> types) {
    public AppliesTo {
        types = List.copyOf(types);
        if (!types.isEmpty() && !typedOnly) {
            throw new IllegalArgumentException("a rule limited to document types only applies to typed documents");
        }
    }

    /** Every Markdown file, typed or not. */
    public static AppliesTo any() {
        return new AppliesTo(false, List.of());
    }

    /** Every document with a type (front matter, configuration or file name), whatever the type. */
    public static AppliesTo anyType() {
        return new AppliesTo(true, List.of());
    }

    /** Documents of these types only; for a set rule, sets holding at least one of them. */
    public static AppliesTo types(String... typeIds) {
        if (typeIds.length == 0) {
            throw new IllegalArgumentException("name at least one document type, or use any()");
        }
        return new AppliesTo(true, List.of(typeIds));
    }

    public boolean matches(Optional<DocumentType> type) {
        if (type.isEmpty()) {
            return !typedOnly;
        }
        return types.isEmpty() || types.contains(type.get().id());
    }

    /** A set rule runs on a planning set when one of its documents is in scope. */
    public boolean matches(PlanningSet set) {
        return set.documents().stream().anyMatch(d -> matches(Optional.of(d.type())));
    }

    /** For docs and {@code opsdoc explain}. */
    public String describe() {
        if (!typedOnly) {
            return "any document";
        }
        return types.isEmpty() ? "any typed document" : String.join(", ", types);
    }
}
