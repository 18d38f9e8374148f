package io.opsdoc.rules.consistency;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class ConsistencyRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(
                new HealthEndpointRule(),
                new EnvironmentConsistencyRule(),
                new ErrorBudgetRule(),
                new PipelineTimeBudgetRule(),
                new RollbackTimeRule(),
                new AlertVsSloRule());
    }
}
