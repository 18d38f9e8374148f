package io.opsdoc.rules.consistency;

import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.doctype.RequiredSection;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared look-ups of the consistency rules over the typed documents of a planning set. */
final class SetDocs {
    static final String CICD = "cicd-pipeline";
    static final String IAC = "infrastructure-as-code";
    static final String MONITORING = "monitoring-strategy";
    static final String DEPLOYMENT = "deployment-strategy";

    private SetDocs() {
    }

    /** The section of {@code doc} that its type requires under {@code title} (aliases included). */
    static Optional<Section> section(TypedDocument doc, String title) {
        List<String> names = doc.type().section(title).map(RequiredSection::names).orElse(List.of(title));
        return doc.document().findSection(names);
    }

    /** Where a finding about a section points: its heading, else the first heading, else line 1. */
    static Range anchor(MarkdownDocument doc, Optional<Section> section) {
        if (section.isPresent()) {
            return section.get().heading().range();
        }
        if (!doc.headings().isEmpty()) {
            return doc.headings().get(0).range();
        }
        return doc.source().lineRange(1);
    }

    static Range range(MarkdownDocument doc, MappedText text, int from, int to) {
        return doc.source().range(text.offset(from), text.endOffset(to));
    }

    static Location location(MarkdownDocument doc, Range range, String message) {
        return new Location(doc.path(), range, message);
    }

    /** Shell-like code blocks whose lines are commands. */
    static boolean isShell(CodeBlock block) {
        return block.isLanguage("bash", "sh", "shell", "console", "zsh", "shell-session", "shellsession", "terminal", "ps",
                "powershell", "pwsh", "dockerfile", "docker");
    }

    static boolean isYaml(CodeBlock block) {
        return block.isLanguage("yaml", "yml");
    }

    static List<TypedDocument> all(io.opsdoc.core.rule.SetContext context, String... typeIds) {
        List<TypedDocument> result = new ArrayList<>();
        for (String id : typeIds) {
            context.set().document(id).ifPresent(result::add);
        }
        return result;
    }
}
