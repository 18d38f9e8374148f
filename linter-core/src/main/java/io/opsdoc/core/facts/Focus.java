package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.PlanningSet;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * Where a planning-set rule looks: one typed document of the set and the section its type
 * requires for the evidence (title or aliases), with the anchor and wording of findings about
 * that section. The one entry point of the criteria and principles rules, so that every family
 * finds documents and sections the same way and checks each document of a type.
 *
 * @param typed the document and its type
 * @param section the required section, when the document has it
 * @param expected the section title the type requires, named in messages when it is missing
 */
public record Focus(TypedDocument typed, Optional<Section> section, String expected) {
    /** Every document of {@code typeId} in the set, in the set's order, with its section {@code title}. */
    public static List<Focus> each(PlanningSet set, String typeId, String title, String... extra) {
        return set.documents().stream().filter(d -> d.type().id().equals(typeId))
                .map(d -> of(d, title, extra)).toList();
    }

    /** The first document of {@code typeId}, for rules that weigh several plans together. */
    public static Optional<Focus> first(PlanningSet set, String typeId, String title, String... extra) {
        return set.document(typeId).map(d -> of(d, title, extra));
    }

    public static Focus of(TypedDocument typed, String title, String... extra) {
        return new Focus(typed, Sections.find(typed.document(), Optional.of(typed.type()), title, extra), title);
    }

    public MarkdownDocument document() {
        return typed.document();
    }

    public DocumentFacts facts() {
        return DocumentFacts.of(typed);
    }

    /** Another section of the same document, as its type names it. */
    public Optional<Section> section(String title, String... extra) {
        return Sections.find(typed.document(), Optional.of(typed.type()), title, extra);
    }

    /** Where a finding about the section points: its heading, else the document title. */
    public Range anchor() {
        return Sections.anchor(typed.document(), section);
    }

    /** How a message names the place searched: the section's own title, or the document without it. */
    public String where() {
        return Sections.where(section, expected);
    }
}
