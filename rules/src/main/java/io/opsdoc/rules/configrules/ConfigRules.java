package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the rules of this family: {@code config/unused-suppression} (reported by the inline
 * suppressor; the rule object carries its metadata and options) and, through {@link #custom},
 * the declarative {@code custom/*} rules of a configuration.
 */
public final class ConfigRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new UnusedSuppressionRule());
    }

    /** One rule object per {@code custom-rules:} definition, to add with {@code RuleRegistry.with}. */
    public static List<Rule> custom(List<CustomRuleDefinition> definitions) {
        List<Rule> rules = new ArrayList<>();
        for (CustomRuleDefinition definition : definitions) {
            rules.add(switch (definition.kind()) {
                case REQUIRE_SECTION -> new CustomRequireSectionRule(definition);
                case REQUIRE_PATTERN -> new CustomRequirePatternRule(definition);
                case FORBID_PATTERN -> new CustomForbidPatternRule(definition);
                case REQUIRE_KEY -> new CustomRequireKeyRule(definition);
                case FORBID_VALUE -> new CustomForbidValueRule(definition);
            });
        }
        return rules;
    }
}
