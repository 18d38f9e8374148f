package io.opsdoc.core.rule;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;

/** What a {@link SetRule} sees of a planning set and how it reports on one of its documents. */
public interface SetContext {
    PlanningSet set();

    RuleOptions options();

    void report(MarkdownDocument document, Report report);

    /** Reports {@code message} (declared in the rule's metadata) formatted with {@code args} in {@code document}. */
    default void report(MarkdownDocument document, Range range, Message message, Object... args) {
        report(document, Report.of(range, message, args));
    }

    /** @deprecated use {@link #report(MarkdownDocument, Range, Message, Object...)} with a declared message */
    @Deprecated
    default void report(MarkdownDocument document, Range range, String message) {
        report(document, Report.of(range, message));
    }
}
