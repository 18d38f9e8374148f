package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.Optional;

/**
 * {@code kind: require-key}: in every embedded YAML document that meets the {@code where}
 * conditions, the dot path must exist. Reported at the deepest key that exists on the path.
 */
final class CustomRequireKeyRule implements DocumentRule {
    private final CustomRuleDefinition definition;
    private final RuleMeta meta;

    CustomRequireKeyRule(CustomRuleDefinition definition) {
        this.definition = definition;
        this.meta = CustomRuleSupport.meta(definition, "embedded YAML"
                + (definition.where().isEmpty() ? "" : " documents with " + definition.where())
                + " must set `" + String.join(".", definition.path()) + "` (YAML only; HCL is not supported yet).");
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
        String full = String.join(".", definition.path());
        for (YamlDocument doc : YamlPaths.documents(context.document(), limit.flatMap(s -> s))) {
            if (!YamlPaths.applies(definition, doc.root())) {
                continue;
            }
            YamlPaths.missing(doc.root(), definition.path(), (anchor, segment, found) ->
                    context.report(doc.block().range(anchor), CustomRuleSupport.CONFIGURED,
                            CustomRuleSupport.message(definition, "path", full).replace("{missing}", segment)));
        }
    }
}
