package io.opsdoc.rules.structure;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.RequiredSection;
import java.util.List;
import java.util.Set;

/**
 * Scaffold text for planning documents and their required sections, shared by the
 * {@code structure/*} fixes and {@code opsdoc init}. A scaffolded section is a heading, the
 * type's guidance sentence and {@link #FILL_IN_MARKER}. The marker is an HTML comment, so it is
 * not prose: scaffolds pass {@code structure/placeholder}, and the guidance sentence keeps the
 * section from counting as empty. Scaffolds contain no code blocks.
 */
public final class Scaffolds {
    /** Marks scaffolded text that still needs writing; invisible when rendered, easy to grep. */
    public static final String FILL_IN_MARKER = "<!-- opsdoc: fill in -->";

    private Scaffolds() {
    }

    /** A whole document of {@code type}: {@code #} title, then every required section in canonical order. */
    public static String document(DocumentType type) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(type.title()).append("\n\n");
        sb.append(FILL_IN_MARKER).append('\n');
        for (RequiredSection section : type.sections()) {
            if (section.parent().isEmpty()) {
                sb.append('\n').append(section(type, section, 2, Set.of()));
            }
        }
        return sb.toString();
    }

    /**
     * One section at heading {@code level}, followed by its required sub-sections one level
     * deeper, except the sub-sections named in {@code skipChildren} (already present elsewhere).
     * The text ends with a single line break and has no leading blank line.
     */
    public static String section(DocumentType type, RequiredSection section, int level, Set<String> skipChildren) {
        StringBuilder sb = new StringBuilder(single(section, level));
        for (RequiredSection child : children(type, section)) {
            if (!skipChildren.contains(child.title())) {
                sb.append('\n').append(single(child, Math.min(6, level + 1)));
            }
        }
        return sb.toString();
    }

    /** One section (heading, guidance, marker) without sub-sections. */
    public static String single(RequiredSection section, int level) {
        return "#".repeat(Math.max(1, Math.min(6, level))) + " " + section.title() + "\n\n"
                + guidance(section) + "\n\n"
                + FILL_IN_MARKER + "\n";
    }

    /** The required sub-sections of {@code parent} in canonical order. */
    public static List<RequiredSection> children(DocumentType type, RequiredSection parent) {
        return type.sections().stream()
                .filter(s -> s.parent().map(p -> p.equals(parent.title())).orElse(false))
                .toList();
    }

    /** The type's guidance sentence, or a generic one for configured types that give none. */
    static String guidance(RequiredSection section) {
        String text = section.guidance() == null ? "" : section.guidance().strip();
        return text.isEmpty() ? "Describe the " + section.title() + " of this plan." : text;
    }
}
