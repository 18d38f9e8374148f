package io.opsdoc.core.rule;

import java.util.List;

/** Supplies a family of rules; discovered with {@link java.util.ServiceLoader}. */
public interface RuleProvider {
    List<Rule> rules();
}
