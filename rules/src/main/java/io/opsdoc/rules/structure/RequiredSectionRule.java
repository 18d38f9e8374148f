package io.opsdoc.rules.structure;

import io.opsdoc.core.Level;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.RequiredSection;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.AppliesTo;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A typed document lacks a section its type requires.
 *
 * <p>The fix inserts one section per finding at its canonical place: after the nearest preceding
 * required sibling that exists, else before the nearest following one, else at the end of the
 * parent (or of the document). When several consecutive sections are missing, their fixes insert
 * at the same offset; the fix applier takes one per round and the next run recomputes the place
 * of the others from the fresh text, so they always end up in canonical order (each round moves
 * at least one). A missing parent's fix brings its missing sub-sections along, so the
 * sub-sections' own findings carry no fix.
 */
final class RequiredSectionRule implements DocumentRule {
    static final String ID = "structure/required-section";

    private static final String HELP = """
            Each planning document type has sections a reader (and the other opsdoc rules) expect:
            a deployment strategy without *Rollback Procedures* or a monitoring strategy without
            *Alerting* leaves the most important questions unanswered. The required sections of each
            type are listed at the end of `opsdoc explain structure/required-section`; they may appear at any
            heading level and in any wording a reader would accept: case, punctuation, emoji, leading
            numbers ("3.", "Step 3:"), "&" versus "and", a trailing qualifier such as
            "Load Balancer (ALB)" and the built-in synonyms ("Rollback Plan") all match. A required
            sub-section (for example *Networking* under *Infrastructure Components*) must appear
            inside its parent section.

            The finding is reported at the document's title heading, and names where the section
            belongs in the canonical order.

            **How to fix**: add the section in its canonical place and write its content. `opsdoc fix`
            inserts a scaffold (heading, a sentence saying what belongs there and an
            `<!-- opsdoc: fill in -->` marker) without touching existing lines:

            ```markdown
            ## Deployment Process

            1. Merge to `main`; the pipeline builds and publishes the image once.

            ## Rollback Procedures

            Automatic: Argo Rollouts aborts the canary when the success rate drops below 99%.
            Manual: `kubectl argo rollouts undo checkout-api` (rehearsed every sprint in staging).
            ```
            """;

    static final Message MISSING = Message.of("missing", "this {0} document has no '{1}' section; add '{2}' {3}");
    static final Message MISSING_WITH_PARENT = Message.of("missing-with-parent",
            "this {0} document has no '{1}' section; add it inside a '{2}' section");
    static final Message MISSING_AFTER_FENCE = Message.of("missing-after-fence",
            "this {0} document has no '{1}' section; close the unclosed code fence, then add '{2}' {3}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A document lacks a section required for its type", HELP, List.of("structure")).asFixable()
            .appliesTo(AppliesTo.anyType())
            .withMessages(MISSING, MISSING_WITH_PARENT, MISSING_AFTER_FENCE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        Optional<DocumentType> maybeType = context.type();
        if (maybeType.isEmpty()) {
            return;
        }
        DocumentType type = maybeType.get();
        MarkdownDocument document = context.document();
        Map<RequiredSection, Optional<Section>> located = RequiredSections.locate(document, type);
        Range at = titleRange(document);
        for (Map.Entry<RequiredSection, Optional<Section>> entry : located.entrySet()) {
            if (entry.getValue().isPresent()) {
                continue;
            }
            RequiredSection missing = entry.getKey();
            Optional<RequiredSection> parent = missing.parent().flatMap(type::section);
            if (parent.isPresent() && located.getOrDefault(parent.get(), Optional.empty()).isEmpty()) {
                context.report(Report.of(at, MISSING_WITH_PARENT, type.title(), missing.title(), parent.get().title()));
                continue;
            }
            Placement placement = place(document, type, located, missing);
            Set<String> present = located.entrySet().stream().filter(e -> e.getValue().isPresent())
                    .map(e -> e.getKey().title()).collect(Collectors.toSet());
            String scaffold = Scaffolds.section(type, missing, placement.level(), present);
            TextEdit edit = insertion(document.text(), placement.offset(), scaffold);
            String heading = "#".repeat(placement.level()) + " " + missing.title();
            if (insideUnclosedFence(document, placement.offset())) {
                // Text inserted there would become part of the code block, never a section:
                // offer no fix until markdown/unclosed-code-block is resolved.
                context.report(Report.of(at, MISSING_AFTER_FENCE, type.title(), missing.title(), heading, placement.where()));
                continue;
            }
            Fix fix = Fix.edit("insert a '" + heading + "' scaffold " + placement.where(), edit);
            context.report(Report.of(at, MISSING, type.title(), missing.title(), heading, placement.where()).withFix(fix));
        }
    }

    private static boolean insideUnclosedFence(MarkdownDocument document, int offset) {
        return document.codeBlocks().stream()
                .anyMatch(b -> b.fenced() && !b.closed() && offset > b.range().start().offset());
    }

    /** Where a missing section goes: file offset (a line start or the end), heading level, and a phrase for messages. */
    private record Placement(int offset, int level, String where) {
    }

    private static Placement place(MarkdownDocument document, DocumentType type,
            Map<RequiredSection, Optional<Section>> located, RequiredSection missing) {
        List<RequiredSection> siblings = new ArrayList<>();
        for (RequiredSection s : type.sections()) {
            if (s.parent().equals(missing.parent())) {
                siblings.add(s);
            }
        }
        int index = siblings.indexOf(missing);
        for (int i = index - 1; i >= 0; i--) {
            Optional<Section> before = located.get(siblings.get(i));
            if (before.isPresent()) {
                Section s = before.get();
                return new Placement(s.range().end().offset(), s.level(), "after '" + s.title() + "'");
            }
        }
        for (int i = index + 1; i < siblings.size(); i++) {
            Optional<Section> after = located.get(siblings.get(i));
            if (after.isPresent()) {
                Section s = after.get();
                return new Placement(s.range().start().offset(), s.level(), "before '" + s.title() + "'");
            }
        }
        if (missing.parent().isPresent()) {
            Section parent = type.section(missing.parent().get()).flatMap(located::get).orElseThrow();
            return new Placement(parent.range().end().offset(), Math.min(6, parent.level() + 1),
                    "at the end of '" + parent.title() + "'");
        }
        int level = document.headings().stream().anyMatch(h -> h.level() == 1) ? 2
                : document.headings().stream().mapToInt(Heading::level).min().orElse(2);
        return new Placement(document.text().length(), level, "at the end of the document");
    }

    /** Pure addition at {@code offset}, separated from its neighbours by blank lines. */
    static TextEdit insertion(String text, int offset, String block) {
        StringBuilder sb = new StringBuilder();
        if (offset > 0) {
            String before = text.substring(0, offset);
            if (!before.endsWith("\n") && !before.endsWith("\r")) {
                sb.append("\n\n");
            } else if (!endsWithBlankLine(before)) {
                sb.append('\n');
            }
        }
        sb.append(block);
        if (offset < text.length()) {
            sb.append('\n');
        }
        return TextEdit.insert(offset, sb.toString());
    }

    /** True when the text ends with a line break that follows an empty (or blank) line. */
    private static boolean endsWithBlankLine(String before) {
        String trimmed = before.endsWith("\r\n") ? before.substring(0, before.length() - 2)
                : before.substring(0, before.length() - 1);
        int lineStart = Math.max(trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('\r')) + 1;
        return lineStart > 0 && trimmed.substring(lineStart).isBlank() || trimmed.isEmpty();
    }

    /** The first level-1 heading, else line 1. */
    static Range titleRange(MarkdownDocument document) {
        return document.headings().stream().filter(h -> h.level() == 1).findFirst().map(Heading::range)
                .orElseGet(() -> document.source().lineRange(1));
    }
}
