package io.opsdoc.core.facts;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.RequiredSection;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The one section look-up and the one anchor of findings about a section, shared by all rule families. */
public final class Sections {
    private Sections() {
    }

    /**
     * The first section matching the title that {@code type} requires (with its aliases), or one of
     * {@code extra}; without a type, the title itself.
     */
    public static Optional<Section> find(MarkdownDocument doc, Optional<DocumentType> type, String title, String... extra) {
        List<String> names = new ArrayList<>();
        type.flatMap(t -> t.section(title)).map(RequiredSection::names)
                .ifPresentOrElse(names::addAll, () -> names.add(title));
        names.addAll(Arrays.asList(extra));
        return doc.findSection(names);
    }

    /** Where a finding about a section points: its heading, else the document title, else the first heading, else line 1. */
    public static Range anchor(MarkdownDocument doc, Optional<Section> section) {
        if (section.isPresent()) {
            return section.get().heading().range();
        }
        return doc.headings().stream().filter(h -> h.level() == 1).findFirst()
                .or(() -> doc.headings().stream().findFirst())
                .map(Heading::range)
                .orElseGet(() -> doc.source().lineRange(1));
    }

    /** How a message names the place that was searched: the section's own title, or the document. */
    public static String where(Optional<Section> section, String expected) {
        return section.map(s -> "'" + s.title().strip() + "'").orElse("the document (it has no '" + expected + "' section)");
    }
}
