package io.opsdoc.rules.criteria;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family: the role's quality criteria, read from a planning set. */
public final class CriteriaRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(
                new PipelineStagesRule(),
                new InfrastructureAsCodeRule(),
                new EnvironmentsRule(),
                new KeyMetricsRule(),
                new AlertThresholdsRule(),
                new ZeroDowntimeRule(),
                new RollbackRule(),
                new SecurityScanningRule(),
                new SecretsManagementRule(),
                new BackupRecoveryRule(),
                new SloSlaRule(),
                new DisasterRecoveryRule(),
                new RunbooksRule());
    }
}
