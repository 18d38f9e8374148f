package io.opsdoc.rules.githubactions;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class GithubActionsRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new UnpinnedActionRule(), new OutdatedActionRule(), new ScriptInjectionRule());
    }
}
