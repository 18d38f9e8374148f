package io.opsdoc.core.rule;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.nio.file.Path;
import java.util.Optional;

/** What a {@link DocumentRule} sees of one file and how it reports. */
public interface DocumentContext {
    MarkdownDocument document();

    /** The resolved type (front matter, configuration, file name), empty for untyped files. */
    Optional<DocumentType> type();

    DocumentTypes types();

    RuleOptions options();

    void report(Report report);

    /**
     * The files the rule may open besides this document (linked files, for instance): inside
     * the checked repository or folder and within {@code --max-file-size}. Contexts that know
     * no checked root use the repository (or folder) holding the document.
     */
    default FileScope files() {
        Path path = document().source().path();
        return FileScope.of(path == null ? Path.of("") : path, FileScope.DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * What is known about linked files (existence, anchors). The engine shares one per run, so a
     * file is probed and parsed once however many documents link to it; contexts outside a run
     * get a fresh one.
     */
    default LinkTargets linkTargets() {
        return new LinkTargets();
    }

    /** Reports {@code message} (declared in the rule's metadata) formatted with {@code args} at {@code range}. */
    default void report(Range range, Message message, Object... args) {
        report(Report.of(range, message, args));
    }

    /** @deprecated use {@link #report(Range, Message, Object...)} with a message the metadata declares */
    @Deprecated
    default void report(Range range, String message) {
        report(Report.of(range, message));
    }
}
