package io.opsdoc.core.rule;

/** A check with metadata. Implement {@link DocumentRule} or {@link SetRule}. Rules are stateless. */
public sealed interface Rule permits DocumentRule, SetRule {
    RuleMeta meta();

    default String id() {
        return meta().id();
    }
}
