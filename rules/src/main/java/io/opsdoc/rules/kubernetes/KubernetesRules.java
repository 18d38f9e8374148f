package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class KubernetesRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new MissingProbeRule(), new LatestTagRule(), new UnsafeRollingUpdateRule(),
                new MissingResourcesRule());
    }
}
