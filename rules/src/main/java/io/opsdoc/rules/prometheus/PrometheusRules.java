package io.opsdoc.rules.prometheus;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family (Prometheus rules and the Alertmanager routing check). */
public final class PrometheusRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new AlertMissingForRule(), new AlertMissingSeverityRule(), new AlertMissingRunbookRule(),
                new InvalidDurationRule(), new PromqlSyntaxRule(), new InvalidRuleFieldRule(),
                new UnknownReceiverRule());
    }
}
