package io.opsdoc.rules.configrules;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class ConfigRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of();
    }
}
