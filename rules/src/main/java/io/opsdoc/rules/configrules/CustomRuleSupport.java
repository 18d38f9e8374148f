package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.ProseSegment;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.AppliesTo;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the declarative rules share: metadata, scoping, the text they match, and timed matching. */
final class CustomRuleSupport {
    /** Time one custom rule may spend matching its patterns on one file. */
    static final long BUDGET_NANOS = 1_000_000_000L;
    /** The rule's own message from the configuration, its {@code {name}} placeholders filled in. */
    static final Message CONFIGURED = Message.of("configured", "{0}");
    static final Message TOO_SLOW = Message.of("too-slow", "pattern of {0} took longer than {1} s on this file and was "
            + "stopped; simplify the regular expression (nested quantifiers such as (a+)+ backtrack without end)");

    private CustomRuleSupport() {
    }

    static RuleMeta meta(CustomRuleDefinition d, String what) {
        String help = d.description() + "\n\n"
                + "A custom rule (" + d.kind().id() + ") declared under `custom-rules:` in `"
                + d.origin().getFileName() + "`: " + what + "\n\n"
                + "**How to fix:** " + d.message() + ". To silence it for a passage, write "
                + "`<!-- opsdoc-disable-next-line " + d.id() + " -- reason -->` above the line.\n";
        return RuleMeta.of(d.id(), d.level(), d.description(), help, List.of("custom"))
                .appliesTo(d.documentTypes().isEmpty() ? AppliesTo.any()
                        : AppliesTo.types(d.documentTypes().toArray(String[]::new)))
                .withMessages(CONFIGURED, TOO_SLOW);
    }

    /** True when the document is of one of the rule's types (any document, or any typed one, when none are named). */
    static boolean applies(CustomRuleDefinition d, DocumentContext context, boolean needsType) {
        Optional<DocumentType> type = context.type();
        if (d.documentTypes().isEmpty()) {
            return !needsType || type.isPresent();
        }
        return type.isPresent() && d.documentTypes().contains(type.get().id());
    }

    /** The section the rule is limited to: empty optional when the rule has none; empty section when it is missing. */
    static Optional<Optional<Section>> section(CustomRuleDefinition d, MarkdownDocument document) {
        if (d.section().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(document.findSection(names(d)));
    }

    static List<String> names(CustomRuleDefinition d) {
        List<String> names = new ArrayList<>();
        d.section().ifPresent(names::add);
        names.addAll(d.aliases());
        return names;
    }

    /** A run of text with a way to turn offsets in it into file ranges. */
    interface Segment {
        String text();

        Range range(int start, int end);
    }

    record FileSegment(MarkdownDocument document, int offset, String text) implements Segment {
        @Override
        public Range range(int start, int end) {
            return document.source().range(offset + start, offset + end);
        }
    }

    record BlockSegment(CodeBlock block) implements Segment {
        @Override
        public String text() {
            return block.content();
        }

        @Override
        public Range range(int start, int end) {
            return block.contentRange(start, end);
        }
    }

    /** The text the rule's pattern is matched against, limited to {@code section} when given. */
    static List<Segment> segments(CustomRuleDefinition d, MarkdownDocument document, Optional<Section> section) {
        List<Segment> result = new ArrayList<>();
        switch (d.scope()) {
            case PROSE -> {
                for (ProseSegment p : section.map(document::proseIn).orElse(document.prose())) {
                    result.add(new FileSegment(document, p.offset(), p.text()));
                }
            }
            case HEADINGS -> {
                for (Heading h : document.headings()) {
                    int start = h.textRange().start().offset();
                    if (section.isEmpty() || section.get().containsInContent(start)) {
                        result.add(new FileSegment(document, start,
                                document.text().substring(start, h.textRange().end().offset())));
                    }
                }
            }
            case CODE -> {
                for (CodeBlock block : section.map(document::blocksIn).orElse(document.codeBlocks())) {
                    if (d.language().isEmpty() || d.language().get().equals(block.language())) {
                        result.add(new BlockSegment(block));
                    }
                }
            }
            case TEXT -> {
                if (section.isPresent()) {
                    result.add(new FileSegment(document, section.get().contentRange().start().offset(),
                            document.text(section.get())));
                } else {
                    result.add(new FileSegment(document, 0, document.text()));
                }
            }
        }
        return result;
    }

    static Matcher matcher(Pattern pattern, String text, long deadline) {
        return pattern.matcher(new BoundedText(text, deadline));
    }

    static long deadline() {
        return System.nanoTime() + BUDGET_NANOS;
    }

    /** Where a document-level finding goes: the first heading, else line 1. */
    static Range documentStart(MarkdownDocument document) {
        if (!document.headings().isEmpty()) {
            return document.headings().get(0).range();
        }
        return document.source().lineRange(1);
    }

    static void reportTooSlow(DocumentContext context, CustomRuleDefinition d) {
        context.report(documentStart(context.document()), TOO_SLOW, d.id(), BUDGET_NANOS / 1_000_000_000L);
    }

    /** {@code {name}} placeholders of the message. */
    static String message(CustomRuleDefinition d, String placeholder, String value) {
        return d.message().replace("{" + placeholder + "}", value);
    }
}
