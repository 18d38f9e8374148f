package io.opsdoc.core.rule;

/** A rule that looks at one Markdown file at a time. Called concurrently for different files. */
public non-sealed interface DocumentRule extends Rule {
    void check(DocumentContext context);
}
