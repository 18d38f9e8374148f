package io.opsdoc.core.doctype;

import java.util.List;
import java.util.Optional;

/** A section a document type requires; {@code parent} names the required section it belongs under. */
public record RequiredSection(String title, List<String> aliases, Optional<String> parent, String guidance) {
    public RequiredSection {
        aliases = List.copyOf(aliases);
    }

    /** The canonical title followed by the aliases. */
    public List<String> names() {
        var all = new java.util.ArrayList<String>();
        all.add(title);
        all.addAll(aliases);
        return all;
    }
}
