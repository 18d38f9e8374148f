package io.opsdoc.core.doctype;

import java.util.List;
import java.util.Optional;

/** A kind of planning document, with its default file name and required sections in canonical order. */
public record DocumentType(String id, String fileName, String title, List<RequiredSection> sections) {
    public DocumentType {
        sections = List.copyOf(sections);
    }

    public Optional<RequiredSection> section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst();
    }
}
