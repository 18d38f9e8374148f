package io.opsdoc.core.engine;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.Finding;
import java.util.List;
import java.util.Set;

/** Applies in-source suppressions of one document to its findings (marks them, may add findings of its own). */
public interface Suppressor {
    List<Finding> apply(MarkdownDocument document, List<Finding> findings, Set<String> knownRuleIds);

    Suppressor NONE = (document, findings, known) -> findings;
}
