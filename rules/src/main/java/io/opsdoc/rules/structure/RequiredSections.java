package io.opsdoc.rules.structure;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.RequiredSection;
import io.opsdoc.core.doctype.SectionMatcher;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the heading of each required section of a typed document. A section with a parent must
 * sit inside its parent's section (after the parent heading, at a deeper level); when the parent
 * itself is missing, the sub-section is accepted anywhere.
 */
final class RequiredSections {
    private RequiredSections() {
    }

    /** Every required section of {@code type} (canonical order) with its heading in the document, if any. */
    static Map<RequiredSection, Optional<Section>> locate(MarkdownDocument document, DocumentType type) {
        Map<RequiredSection, Optional<Section>> result = new LinkedHashMap<>();
        for (RequiredSection required : type.sections()) {
            if (required.parent().isEmpty()) {
                result.put(required, document.section(required));
            }
        }
        for (RequiredSection required : type.sections()) {
            if (required.parent().isEmpty()) {
                continue;
            }
            Optional<Section> parent = type.section(required.parent().get())
                    .flatMap(p -> result.getOrDefault(p, Optional.empty()));
            Optional<Section> found;
            if (parent.isPresent()) {
                found = document.subsections(parent.get()).stream()
                        .filter(s -> SectionMatcher.matches(s.title(), required.names()))
                        .findFirst();
            } else {
                found = document.section(required);
            }
            result.put(required, found);
        }
        // Keep canonical order for callers that iterate.
        Map<RequiredSection, Optional<Section>> ordered = new LinkedHashMap<>();
        type.sections().forEach(s -> ordered.put(s, result.get(s)));
        return ordered;
    }
}
