package io.opsdoc.core.rule;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.markdown.MarkdownDocument;

/** A document of a planning set together with its resolved type. */
public record TypedDocument(MarkdownDocument document, DocumentType type) {
}
