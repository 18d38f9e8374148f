package io.opsdoc.cli;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.doctype.RequiredSection;
import java.util.Optional;

/**
 * The document-type catalogue as {@code opsdoc explain} prints it for the structure rules that
 * read it, rendered from the type definitions themselves so the help never goes stale.
 */
final class DocumentTypeListing {
    static final String REQUIRED_SECTION = "structure/required-section";
    static final String REQUIRED_DOCUMENT = "structure/required-document";

    private DocumentTypeListing() {
    }

    /** The listing that belongs to the rule's help, or empty for rules that do not read the catalogue. */
    static Optional<String> forRule(String ruleId, DocumentTypes types) {
        return switch (ruleId) {
            case REQUIRED_SECTION -> Optional.of(sections(types));
            case REQUIRED_DOCUMENT -> Optional.of(documents(types));
            default -> Optional.empty();
        };
    }

    static String sections(DocumentTypes types) {
        StringBuilder out = new StringBuilder("Required sections per document type (built-in types;"
                + " types added under 'types:' in .opsdoc.yml bring their own):\n");
        for (DocumentType type : types.all()) {
            out.append('\n').append(type.id()).append(" (").append(type.fileName()).append(", \"")
                    .append(type.title()).append("\"):\n");
            for (RequiredSection section : type.sections()) {
                String indent = section.parent().isPresent() ? "    - " : "  - ";
                out.append(indent).append(section.title());
                section.parent().ifPresent(parent -> out.append(", inside ").append(parent));
                if (!section.aliases().isEmpty()) {
                    out.append("; also accepted: ").append(String.join(", ", section.aliases()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String documents(DocumentTypes types) {
        StringBuilder out = new StringBuilder("Documents of a planning set (built-in types):\n");
        for (DocumentType type : types.all()) {
            out.append("  - ").append(type.fileName()).append(": ").append(type.title()).append(" (")
                    .append(type.id()).append(")\n");
        }
        return out.toString();
    }
}
