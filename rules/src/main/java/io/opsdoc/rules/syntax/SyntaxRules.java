package io.opsdoc.rules.syntax;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class SyntaxRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new YamlSyntaxRule(), new JsonSyntaxRule(), new HclSyntaxRule());
    }
}
