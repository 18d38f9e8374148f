package io.opsdoc.rules.structure;

import io.opsdoc.core.Level;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.RequiredSection;
import io.opsdoc.core.markdown.HtmlComment;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.AppliesTo;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A required section whose heading stands alone: nothing but whitespace and HTML comments
 * until the next heading, and no sub-section with content either.
 */
final class EmptySectionRule implements DocumentRule {
    static final String ID = "structure/empty-section";

    private static final String HELP = """
            A heading without content makes the document look complete to `structure/required-section`
            while it answers nothing. A required section counts as empty when everything under its
            heading (sub-sections included) is whitespace, HTML comments or further headings. Any
            sentence, list, table or code block counts as content, so a scaffold inserted by
            `opsdoc fix` (which carries a guidance sentence) is not empty; use
            `structure/placeholder` to find leftover TODO/TBD text instead.

            **How to fix**: write the section, or remove the heading if the type does not require it:

            ```markdown
            ## Feature Flags

            Flags live in Unleash; new code paths ship dark and are enabled per tenant. A flag is
            removed within two sprints after reaching 100%.
            ```
            """;

    static final Message EMPTY = Message.of("empty", "required section '{0}' has a heading but no content; {1}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "A required section has a heading but no content", HELP, List.of("structure"))
            .appliesTo(AppliesTo.anyType())
            .withMessages(EMPTY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        Optional<DocumentType> type = context.type();
        if (type.isEmpty()) {
            return;
        }
        MarkdownDocument document = context.document();
        for (Map.Entry<RequiredSection, Optional<Section>> entry : RequiredSections.locate(document, type.get()).entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Section section = entry.getValue().get();
            if (isEmpty(document, section)) {
                context.report(section.heading().range(), EMPTY, section.title(),
                        lowerFirst(Scaffolds.guidance(entry.getKey())));
            }
        }
    }

    /** True when the section's content, sub-headings and HTML comments removed, is blank. */
    static boolean isEmpty(MarkdownDocument document, Section section) {
        int start = section.contentRange().start().offset();
        int end = section.contentRange().end().offset();
        char[] chars = document.text().substring(start, end).toCharArray();
        for (HtmlComment comment : document.comments()) {
            blank(chars, start, comment.range().start().offset(), comment.range().end().offset());
        }
        for (Section sub : document.subsections(section)) {
            blank(chars, start, sub.heading().range().start().offset(), sub.heading().range().end().offset());
        }
        return new String(chars).isBlank();
    }

    private static void blank(char[] chars, int base, int from, int to) {
        for (int i = Math.max(from, base); i < Math.min(to, base + chars.length); i++) {
            chars[i - base] = ' ';
        }
    }

    private static String lowerFirst(String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (t.isEmpty()) {
            return t;
        }
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
