package io.opsdoc.rules.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wording variants of the consistency rules on small in-memory planning sets. */
class ConsistencySetsTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();

    private static List<Finding> lint(String rule, String... pathsAndTexts) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            sources.add(SourceFile.ofText("set/" + pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return Linter.withDefaults(REGISTRY, Path.of("")).lintSources(sources).findings().stream()
                .filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void errorBudgetInProseWithSectionTarget() {
        String monitoring = """
                # Monitoring Strategy

                ## SLIs, SLOs, SLAs

                Availability SLO: **99.9 %** of requests succeed, measured monthly.

                - Allowed downtime: 4 hours per month
                - Error budget per quarter: 2.2 hours
                - Availability 99.9% = 43.2 min/month
                """;
        List<Finding> findings = lint("consistency/error-budget", "monitoring-strategy.md", monitoring);
        assertThat(findings).extracting(Finding::line).containsExactly(7);
        assertThat(findings.get(0).message()).contains("99.9%").contains("not 4 hours");
    }

    @Test
    void errorBudgetWithoutWindowMustFitSomeWindow() {
        String ok = "# Monitoring Strategy\n\n## SLOs\n\nOur availability target is 99.95%, an error budget of 21.6 minutes.\n";
        String wrong = "# Monitoring Strategy\n\n## SLOs\n\nOur availability target is 99.95%, an error budget of 3 hours.\n";
        assertThat(lint("consistency/error-budget", "monitoring-strategy.md", ok)).isEmpty();
        assertThat(lint("consistency/error-budget", "monitoring-strategy.md", wrong)).hasSize(1);
    }

    @Test
    void pipelineSaidToBeParallelWithoutGroupsComparesTheLongestStage() {
        String cicd = """
                # CI/CD Pipeline

                ## Pipeline Stages

                Lint, unit tests and the image scan run in parallel jobs.

                ## Pipeline Performance

                - Lint: 2 min
                - Unit tests: 6 min
                - Image scan: 3 min
                - Total: under 8 minutes
                """;
        assertThat(lint("consistency/pipeline-time-budget", "cicd-pipeline.md", cicd)).isEmpty();
        List<Finding> findings = lint("consistency/pipeline-time-budget", "cicd-pipeline.md",
                cicd.replace("Unit tests: 6 min", "Unit tests: 9 min"));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message()).startsWith("Stage Unit tests alone takes 9 minutes");
    }

    @Test
    void rollbackTimeCountsCanaryPausesAndIgnoresTriggers() {
        String deployment = """
                # Deployment Strategy

                ## Rollback Procedures

                - Roll back automatically when the error rate stays above 2% for 10 minutes.
                - RTO for rollback: 4 min

                ```yaml
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                spec:
                  strategy:
                    canary:
                      steps:
                        - setWeight: 20
                        - pause: {duration: 5m}
                        - setWeight: 60
                        - pause: {duration: 120}
                ```
                """;
        List<Finding> findings = lint("consistency/rollback-time", "deployment-strategy.md", deployment);
        assertThat(findings).extracting(Finding::line).containsExactly(6);
        assertThat(findings.get(0).message()).contains("7 minutes");
    }

    @Test
    void alertAgainstSlaOnlyAndPercentThresholds() {
        String monitoring = """
                # Monitoring Strategy

                ## Alerting

                ```yaml
                - alert: HighErrorRate
                  expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) * 100 > 10
                  for: 5m
                ```

                ## SLIs, SLOs, SLAs

                The SLA guarantees 99.5% availability per month.
                """;
        // 10% is 20 times the 0.5% budget.
        assertThat(lint("consistency/alert-vs-slo", "monitoring-strategy.md", monitoring)).hasSize(1);
        assertThat(lint("consistency/alert-vs-slo", "monitoring-strategy.md", monitoring.replace("> 10", "> 5"))).isEmpty();
    }

    @Test
    void healthEndpointTwoDocumentsDisagreeingAreBothReported() {
        String deployment = """
                # Deployment Strategy

                ```yaml
                readinessProbe:
                  httpGet:
                    path: /ready
                    port: 8080
                ```
                """;
        String monitoring = """
                # Monitoring Strategy

                ## Health Checks

                Uptime checks call `GET /healthz` on port 8080.
                """;
        assertThat(lint("consistency/health-endpoint", "deployment-strategy.md", deployment,
                "monitoring-strategy.md", monitoring)).hasSize(2);
        assertThat(lint("consistency/health-endpoint", "deployment-strategy.md", deployment.replace("/ready", "/healthz"),
                "monitoring-strategy.md", monitoring)).isEmpty();
    }
}
