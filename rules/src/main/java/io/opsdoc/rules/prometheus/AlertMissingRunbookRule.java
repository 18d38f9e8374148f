package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;

/** Alerting rules whose annotations link no runbook. */
final class AlertMissingRunbookRule implements DocumentRule {
    static final String ID = "prometheus/alert-missing-runbook";

    private static final String HELP = """
            The person paged at 3 a.m. needs to know what the alert means and what to do. The
            convention is a `runbook_url` annotation, which Alertmanager templates, PagerDuty and
            Grafana show as a link. The rule accepts `runbook_url` (or another annotation whose name
            mentions a runbook or playbook, such as `runbook`) with a value, and any annotation
            whose text links a runbook (a URL or path containing "runbook").

            **How to fix**: write the runbook and link it from the alert:

            ```yaml
            - alert: PostgresReplicationLag
              expr: pg_replication_lag_seconds > 30
              for: 10m
              labels:
                severity: warning
              annotations:
                summary: Replica {{ $labels.instance }} is {{ $value }}s behind the primary
                runbook_url: https://runbooks.acme.internal/postgres/replication-lag
            ```
            """;

    static final Message MISSING = Message.of("missing",
            "alert '{0}' links no runbook; add a runbook_url annotation that says what to check and how to "
                    + "mitigate");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Alerting rule without a runbook link (`runbook_url` annotation or a runbook link)",
            HELP, List.of("prometheus", "alerting", "runbooks"))
            .withMessages(MISSING);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (AlertRules.RuleNode rule : AlertRules.rules(context)) {
            if (rule.alerting() && !rule.get("annotations").map(AlertMissingRunbookRule::linksRunbook).orElse(false)) {
                context.report(rule.nameRange(), MISSING, rule.name());
            }
        }
    }

    private static boolean linksRunbook(Node annotations) {
        for (String key : YamlDocs.keys(annotations)) {
            String name = key.toLowerCase(Locale.ROOT);
            String value = YamlDocs.scalar(annotations, key).orElse("").strip();
            if (value.isEmpty()) {
                continue;
            }
            if (name.contains("runbook") || name.contains("playbook")) {
                return true;
            }
            String text = value.toLowerCase(Locale.ROOT);
            if ((text.contains("runbook") || text.contains("playbook")) && (text.contains("://") || text.contains("/"))) {
                return true;
            }
        }
        return false;
    }
}
