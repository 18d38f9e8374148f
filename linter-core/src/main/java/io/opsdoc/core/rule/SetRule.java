package io.opsdoc.core.rule;

/** A rule that looks at a whole planning set (the typed documents of one folder). */
public non-sealed interface SetRule extends Rule {
    void check(SetContext context);
}
