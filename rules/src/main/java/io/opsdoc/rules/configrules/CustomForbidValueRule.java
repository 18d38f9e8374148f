package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code kind: forbid-value}: in embedded YAML documents that meet the {@code where} conditions,
 * the value at the dot path must not be one of {@code values} (or match {@code pattern}); with
 * neither, the key itself is forbidden. Reported at the value (the key when the key is forbidden).
 */
final class CustomForbidValueRule implements DocumentRule {
    private final CustomRuleDefinition definition;
    private final RuleMeta meta;

    CustomForbidValueRule(CustomRuleDefinition definition) {
        this.definition = definition;
        String what = !definition.values().isEmpty() ? " must not be " + String.join(" or ", definition.values())
                : definition.pattern().isPresent() ? " must not match `" + definition.pattern().get() + "`"
                : " must not be set";
        this.meta = CustomRuleSupport.meta(definition, "in embedded YAML, `" + String.join(".", definition.path()) + "`"
                + what + " (YAML only; HCL is not supported yet).");
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
        String full = String.join(".", definition.path());
        try {
            for (YamlDocument doc : YamlPaths.documents(context.document(), limit.flatMap(s -> s))) {
                if (!YamlPaths.applies(definition, doc.root())) {
                    continue;
                }
                for (YamlPaths.Hit hit : YamlPaths.resolve(doc.root(), definition.path())) {
                    check(context, doc.block(), hit, full, deadline);
                }
            }
        } catch (BoundedText.TooSlow e) {
            CustomRuleSupport.reportTooSlow(context, definition);
        }
    }

    private void check(DocumentContext context, YamlBlock yaml, YamlPaths.Hit hit, String full, long deadline) {
        boolean keyOnly = definition.values().isEmpty() && definition.pattern().isEmpty();
        if (keyOnly) {
            Node at = hit.key() != null ? hit.key() : hit.value();
            context.report(yaml.range(at), CustomRuleSupport.CONFIGURED,
                    CustomRuleSupport.message(definition, "path", full).replace("{value}", ""));
            return;
        }
        Optional<String> value = YamlNodes.scalar(hit.value());
        if (value.isEmpty()) {
            return;
        }
        boolean forbidden = definition.values().contains(value.get()) || definition.pattern()
                .map(p -> CustomRuleSupport.matcher(p, value.get(), deadline).find()).orElse(false);
        if (forbidden) {
            context.report(yaml.range(hit.value()), CustomRuleSupport.CONFIGURED,
                    CustomRuleSupport.message(definition, "value", value.get()).replace("{path}", full));
        }
    }
}
