package io.opsdoc.core.rule;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;

/** What a {@link SetRule} sees of a planning set and how it reports on one of its documents. */
public interface SetContext {
    PlanningSet set();

    RuleOptions options();

    void report(MarkdownDocument document, Report report);

    default void report(MarkdownDocument document, Range range, String message) {
        report(document, Report.of(range, message));
    }
}
