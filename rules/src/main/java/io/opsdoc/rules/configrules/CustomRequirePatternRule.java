package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.Optional;

/**
 * {@code kind: require-pattern}: the pattern must occur at least once in the scope (prose,
 * headings, code of a language, or all text; inside the named section when one is given). A
 * document without that section is not reported by this rule.
 */
final class CustomRequirePatternRule implements DocumentRule {
    private final CustomRuleDefinition definition;
    private final RuleMeta meta;

    CustomRequirePatternRule(CustomRuleDefinition definition) {
        this.definition = definition;
        this.meta = CustomRuleSupport.meta(definition, "the " + definition.scope().id()
                + definition.section().map(s -> " of section '" + s + "'").orElse("") + " must match `"
                + definition.pattern().map(Object::toString).orElse("") + "`.");
    }

    @Override
    public RuleMeta meta() {
        return meta;
    }

    @Override
    public void check(DocumentContext context) {
        if (!CustomRuleSupport.applies(definition, context, false)) {
            return;
        }
        Optional<Optional<Section>> limit = CustomRuleSupport.section(definition, context.document());
        if (limit.isPresent() && limit.get().isEmpty()) {
            return;
        }
        Optional<Section> section = limit.flatMap(s -> s);
        long deadline = CustomRuleSupport.deadline();
        try {
            for (CustomRuleSupport.Segment segment : CustomRuleSupport.segments(definition, context.document(), section)) {
                if (CustomRuleSupport.matcher(definition.pattern().orElseThrow(), segment.text(), deadline).find()) {
                    return;
                }
            }
        } catch (BoundedText.TooSlow e) {
            CustomRuleSupport.reportTooSlow(context, definition);
            return;
        }
        context.report(section.map(s -> s.heading().range()).orElse(CustomRuleSupport.documentStart(context.document())),
                CustomRuleSupport.CONFIGURED, definition.message());
    }
}
