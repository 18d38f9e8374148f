package io.opsdoc.rules.security;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class SecurityRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new HardcodedSecretRule());
    }
}
