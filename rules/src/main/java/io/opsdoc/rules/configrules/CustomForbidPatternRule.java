package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.Optional;
import java.util.regex.Matcher;

/** {@code kind: forbid-pattern}: every match of the pattern in the scope is a finding at the match. */
final class CustomForbidPatternRule implements DocumentRule {
    /** A pattern that matches everywhere should not flood the report. */
    private static final int MAX_PER_FILE = 200;

    private final CustomRuleDefinition definition;
    private final RuleMeta meta;

    CustomForbidPatternRule(CustomRuleDefinition definition) {
        this.definition = definition;
        this.meta = CustomRuleSupport.meta(definition, "the " + definition.scope().id()
                + definition.section().map(s -> " of section '" + s + "'").orElse("") + " must not match `"
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
        long deadline = CustomRuleSupport.deadline();
        int reported = 0;
        try {
            for (CustomRuleSupport.Segment segment
                    : CustomRuleSupport.segments(definition, context.document(), limit.flatMap(s -> s))) {
                Matcher m = CustomRuleSupport.matcher(definition.pattern().orElseThrow(), segment.text(), deadline);
                while (m.find() && reported < MAX_PER_FILE) {
                    if (m.end() == m.start()) {
                        continue;
                    }
                    context.report(segment.range(m.start(), m.end()), CustomRuleSupport.CONFIGURED,
                            CustomRuleSupport.message(definition, "match", m.group()));
                    reported++;
                }
            }
        } catch (BoundedText.TooSlow e) {
            CustomRuleSupport.reportTooSlow(context, definition);
        }
    }
}
