package io.opsdoc.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Alerts from every notation the fact model reads, and whose health endpoint a statement is. */
class AlertsAndEndpointsTest {
    private static MarkdownDocument parse(String text) {
        return new MarkdownParser().parse(SourceFile.ofText("plan.md", text));
    }

    /** A JSON block is read for monitors only when its text can spell the query key: escaped keys count. */
    @Test
    void jsonBlocksThatCannotHoldAMonitorAreNotReadButEscapedKeysAre() {
        MarkdownDocument doc = parse("""
                # Monitoring

                ```json
                {"replicas": 3, "image": "shop/api:1.4.2"}
                ```

                ```json
                {"name": "Checkout errors", "type": "metric alert",
                 "\\u0071uery": "avg(last_5m):sum:errors{service:checkout} > 20"}
                ```

                ```jsonc
                // a monitor exported with comments
                {name: 'Queue depth', type: 'metric alert', query: 'avg(last_5m):avg:queue.depth{} > 100'}
                ```
                """);
        assertThat(Alerts.mayHoldMonitor(doc.codeBlocks().get(0))).isFalse();
        assertThat(Alerts.mayHoldMonitor(doc.codeBlocks().get(1))).isTrue();
        assertThat(Alerts.of(doc)).extracting(AlertFact::name).containsExactly("Checkout errors", "Queue depth");
        assertThat(Alerts.of(doc)).extracting(AlertFact::comparison).containsOnly(Optional.of(">"));
    }

    @Test
    void datadogMonitorsGivenAsJsonAreAlerts() {
        MarkdownDocument doc = parse("""
                # Monitoring

                ```json
                [
                  {
                    "name": "Payments p95 latency high",
                    "type": "query alert",
                    "query": "avg(last_10m):p95:trace.http.request{service:payments} > 0.8",
                    "message": "Runbook: https://runbooks.example.org/payments-latency @pagerduty-payments",
                    "tags": ["team:payments", "severity:page"],
                    "options": {"thresholds": {"critical": 0.8, "warning": 0.6}}
                  },
                  {
                    "name": "Payments queue depth",
                    "type": "metric alert",
                    "query": "avg(last_5m):avg:rabbitmq.queue.messages{queue:payments}",
                    "message": "Queue is backing up",
                    "priority": 2,
                    "options": {"thresholds": {"critical": 5000}}
                  },
                  {"name": "not a monitor", "query": "SELECT 1"}
                ]
                ```
                """);
        List<AlertFact> alerts = Alerts.of(doc);
        assertThat(alerts).extracting(AlertFact::name).containsExactly("Payments p95 latency high", "Payments queue depth");
        AlertFact latency = alerts.get(0);
        assertThat(latency.source()).isEqualTo("json");
        assertThat(latency.comparison()).contains(">");
        assertThat(latency.threshold().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(latency.forDuration()).contains("10m");
        assertThat(latency.severity()).contains("page");
        assertThat(latency.runbook()).contains("https://runbooks.example.org/payments-latency");
        assertThat(latency.range().start().line()).isEqualTo(6);
        assertThat(latency.range().start().column()).isEqualTo(13);
        AlertFact queue = alerts.get(1);
        assertThat(queue.comparison()).contains(">=");
        assertThat(queue.threshold().getAsDouble()).isEqualTo(5000);
        assertThat(queue.severity()).contains("P2");
        assertThat(queue.runbook()).isEmpty();
    }

    @Test
    void mergedAlertExpressionsCarryTheirBounds() {
        MarkdownDocument doc = parse("""
                # Monitoring

                ```yaml
                groups:
                  - name: slo
                    rules:
                      - record: job:errors:ratio_rate5m
                        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))
                      - &fast
                        alert: ErrorBudgetFastBurn
                        expr: job:errors:ratio_rate5m > (14.4 * 0.001)
                        for: 2m
                      - <<: *fast
                        alert: ErrorBudgetFastBurnCopy
                      - alert: LatencyP99
                        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_milliseconds_bucket[5m]))) > 300
                ```
                """);
        List<AlertFact> alerts = Alerts.of(doc);
        assertThat(alerts).extracting(AlertFact::name)
                .containsExactly("ErrorBudgetFastBurn", "ErrorBudgetFastBurnCopy", "LatencyP99");
        for (AlertFact burn : alerts.subList(0, 2)) {
            assertThat(burn.bounds(AlertFact.ERROR_RATIO)).singleElement()
                    .satisfies(b -> assertThat(b.value()).isCloseTo(0.0144, within(1e-9)));
        }
        AlertFact.Bound p99 = alerts.get(2).bounds(AlertFact.LATENCY).get(0);
        assertThat(p99.quantile()).isEqualTo(0.99);
        assertThat(p99.value()).isCloseTo(0.3, within(1e-9));
        assertThat(doc.text().substring(p99.range().start().offset(), p99.range().end().offset())).isEqualTo("300");
    }

    @Test
    void aProxysOwnPingIsNotTheApplications() {
        MarkdownDocument doc = parse("""
                # Deployment

                ```yaml
                services:
                  traefik:
                    image: traefik:v3.1
                    healthcheck:
                      test: ["CMD", "wget", "-qO-", "http://localhost:8082/ping"]
                  web:
                    image: ghcr.io/example/web:1.0.0
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:3000/ping"]
                ```
                """);
        List<HealthEndpoints.Endpoint> endpoints = HealthEndpoints.of(doc, Optional.empty());
        assertThat(endpoints).extracting(HealthEndpoints.Endpoint::port)
                .extracting(p -> p.getAsInt()).containsExactly(8082, 3000);
        assertThat(endpoints).extracting(HealthEndpoints.Endpoint::monitoringTool).containsExactly(true, false);
    }

    @Test
    void aSentenceNamesItsService() {
        MarkdownDocument doc = parse("""
                # Monitoring

                ## Health Checks

                The ledger API answers `GET /healthz` on port 9102.
                """);
        HealthEndpoints.Endpoint e = HealthEndpoints.of(doc, doc.findSection(List.of("Health Checks"))).get(0);
        assertThat(e.mentions("ledger-api")).isTrue();
        assertThat(e.mentions("ledger-reconciler")).isFalse();
        assertThat(e.mentions("api")).isTrue();
    }
}
