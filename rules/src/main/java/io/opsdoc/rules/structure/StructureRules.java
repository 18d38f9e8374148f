package io.opsdoc.rules.structure;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class StructureRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(
                new RequiredDocumentRule(),
                new RequiredSectionRule(),
                new EmptySectionRule(),
                new PlaceholderRule(),
                new UnresolvedChoiceRule());
    }
}
