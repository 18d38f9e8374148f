package io.opsdoc.rules.principles;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family: the role's core principles, read from a planning set. */
public final class PrinciplesRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(
                new CiCdIntegrationRule(),
                new IacVersionedRule(),
                new CloudAgnosticRule(),
                new LocalParityRule(),
                new DevProdParityRule(),
                new BuildOnceRule(),
                new OrchestrationRule(),
                new QualityGatesRule(),
                new DependencyManagementRule(),
                new ObservabilityRule(),
                new ConfigManagementRule());
    }
}
