package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Keys that Prometheus rejects in a rule or a rule group. */
final class InvalidRuleFieldRule implements DocumentRule {
    static final String ID = "prometheus/invalid-rule-field";

    private static final List<String> ALERT_FIELDS = List.of("alert", "expr", "for", "keep_firing_for", "labels",
            "annotations");
    private static final List<String> RECORD_FIELDS = List.of("record", "expr", "labels");
    /** Prometheus' group fields, plus the extensions Thanos and Mimir/Cortex accept in the same files. */
    private static final List<String> GROUP_FIELDS = List.of("name", "interval", "rules", "limit", "query_offset",
            "labels");
    private static final Set<String> GROUP_EXTENSIONS = Set.of("partial_response_strategy", "source_tenants",
            "evaluation_delay", "align_evaluation_time_on_interval");

    private static final String HELP = """
            Prometheus loads rule files strictly: an unknown key in a rule or group makes the whole
            file fail to load (`field severity not found in type rulefmt.RuleNode`), so none of its
            alerts run. The usual mistake is writing a label or annotation beside `expr:` instead of
            under `labels:` or `annotations:`. Alerting rules accept `alert`, `expr`, `for`,
            `keep_firing_for`, `labels` and `annotations`; recording rules only `record`, `expr`
            and `labels`; groups `name`, `interval`, `rules`, `limit`, `query_offset` and `labels`
            (plus the Thanos/Mimir extensions `partial_response_strategy` and `source_tenants`).

            **How to fix**: move the key where it belongs:

            ```yaml
            - alert: CertificateExpiresSoon
              expr: probe_ssl_earliest_cert_expiry - time() < 14 * 86400
              for: 1h
              labels:
                severity: warning
              annotations:
                summary: TLS certificate of {{ $labels.instance }} expires in less than 14 days
                runbook_url: https://runbooks.acme.internal/tls/renew-certificate
            ```
            """;

    static final Message NOT_RULE_FIELD = Message.of("unknown-field",
            "'{0}' is not a rule field; Prometheus accepts only {1}");
    static final Message MISPLACED = Message.of("misplaced-field", "'{0}' is not a rule field; put it under '{1}:'");
    static final Message NOT_RECORDING_FIELD = Message.of("not-in-recording-rule",
            "'{0}' is not allowed in a recording rule; recording rules accept only {1}");
    static final Message ALERT_AND_RECORD = Message.of("alert-and-record",
            "a rule cannot have both 'alert' and 'record'; split it into an alerting and a recording rule");
    static final Message NOT_GROUP_FIELD = Message.of("unknown-group-field",
            "'{0}' is not a rule group field; Prometheus accepts only {1}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Keys that Prometheus rejects in a rule (e.g. `severity:` beside `expr:` instead of under `labels:`)",
            HELP, List.of("prometheus", "syntax"))
            .withMessages(NOT_RULE_FIELD, MISPLACED, NOT_RECORDING_FIELD, ALERT_AND_RECORD, NOT_GROUP_FIELD);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (AlertRules.Group group : AlertRules.groups(context)) {
            for (NodeTuple tuple : group.node().getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !key.getValue().equals("<<")
                        && !GROUP_FIELDS.contains(key.getValue()) && !GROUP_EXTENSIONS.contains(key.getValue())) {
                    context.report(group.block().range(key), NOT_GROUP_FIELD, key.getValue(), String.join(", ", GROUP_FIELDS));
                }
            }
        }
        for (AlertRules.RuleNode rule : AlertRules.rules(context)) {
            checkRule(context, rule.block(), rule.node(), rule.alerting());
        }
    }

    private static void checkRule(DocumentContext context, YamlBlock block, MappingNode rule, boolean alerting) {
        List<String> allowed = alerting ? ALERT_FIELDS : RECORD_FIELDS;
        for (NodeTuple tuple : rule.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue().equals("<<")
                    || allowed.contains(key.getValue())) {
                continue;
            }
            String name = key.getValue();
            String hint = Tables.fieldHints().get(name.toLowerCase(Locale.ROOT));
            if (alerting && name.equals("record") || !alerting && name.equals("alert")) {
                context.report(block.range(key), ALERT_AND_RECORD);
            } else if (!alerting && ALERT_FIELDS.contains(name)) {
                context.report(block.range(key), NOT_RECORDING_FIELD, name, String.join(", ", RECORD_FIELDS));
            } else if (hint != null && (alerting || hint.equals("labels"))) {
                // Recording rules have no annotations, so only a label hint helps there.
                context.report(block.range(key), MISPLACED, name, hint);
            } else {
                context.report(block.range(key), NOT_RULE_FIELD, name, String.join(", ", allowed));
            }
        }
    }
}
