package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;

/** {@code kind: require-section}: documents of the given types must have a section with this title (or an alias). */
final class CustomRequireSectionRule implements DocumentRule {
    private final CustomRuleDefinition definition;
    private final RuleMeta meta;

    CustomRequireSectionRule(CustomRuleDefinition definition) {
        this.definition = definition;
        this.meta = CustomRuleSupport.meta(definition, "documents"
                + (definition.documentTypes().isEmpty() ? "" : " of type " + String.join(", ", definition.documentTypes()))
                + " must have a section titled '" + definition.section().orElse("") + "'.");
    }

    @Override
    public RuleMeta meta() {
        return meta;
    }

    @Override
    public void check(DocumentContext context) {
        if (!CustomRuleSupport.applies(definition, context, true)) {
            return;
        }
        if (context.document().findSection(CustomRuleSupport.names(definition)).isEmpty()) {
            context.report(CustomRuleSupport.documentStart(context.document()), CustomRuleSupport.CONFIGURED,
                    CustomRuleSupport.message(definition, "section", definition.section().orElse("")));
        }
    }
}
