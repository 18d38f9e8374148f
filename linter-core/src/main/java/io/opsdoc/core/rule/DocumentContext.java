package io.opsdoc.core.rule;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.util.Optional;

/** What a {@link DocumentRule} sees of one file and how it reports. */
public interface DocumentContext {
    MarkdownDocument document();

    /** The resolved type (front matter, configuration, file name), empty for untyped files. */
    Optional<DocumentType> type();

    DocumentTypes types();

    RuleOptions options();

    void report(Report report);

    default void report(Range range, String message) {
        report(Report.of(range, message));
    }
}
