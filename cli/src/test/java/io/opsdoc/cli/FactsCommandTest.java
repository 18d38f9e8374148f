package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsdoc facts}: the JSON matches schema/facts.schema.json and carries exact positions. */
class FactsCommandTest {
    private static final String MONITORING = """
            # Monitoring Strategy

            ## Alerting

            ```yaml
            groups:
              - name: api
                rules:
                  - alert: BudgetBurnFast
                    expr: (slo:errors:ratio_rate5m > (14.4 * 0.0005)) and (slo:errors:ratio_rate1h > (14.4 * 0.0005))
                    for: 2m
                    labels: &page
                      severity: critical
                  - alert: BudgetBurnSlow
                    expr: slo:errors:ratio_rate6h > 6 * 0.0005
                    for: 15m
                    labels:
                      <<: *page
            ```

            | Alarm | Metric | Threshold |
            |---|---|---|
            | Queue backlog | ApproximateNumberOfMessagesVisible | > 1000 |

            ## SLIs, SLOs, SLAs

            | SLO | Target | Window | Error budget |
            |---|---|---|---|
            | Availability | 99.95% | 30 days | 21.6 minutes |

            ## Health Checks

            The API answers `GET /healthz` on port 8080; Prometheus itself answers `GET /-/healthy`.
            """;

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("schema/facts.schema.json"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with schema/facts.schema.json").isNotNull();
        return dir;
    }

    @Test
    void jsonMatchesTheSchemaAndReadsThresholdsWindowsAndTools(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("monitoring-strategy.md");
        Files.writeString(file, MONITORING);
        CliRun run = CliRun.of("facts", file.toString(), "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(repositoryRoot().resolve("schema/facts.schema.json")), InputFormat.JSON);
        assertThat(schema.validate(run.out(), InputFormat.JSON)).isEmpty();

        JsonNode doc = new ObjectMapper().readTree(run.out()).get("documents").get(0);
        assertThat(doc.get("type").asText()).isEqualTo("monitoring-strategy");
        JsonNode alerts = doc.get("alerts");
        assertThat(alerts).hasSize(3);
        assertThat(alerts.get(0).get("threshold").asDouble()).isEqualTo(14.4 * 0.0005);
        assertThat(alerts.get(0).get("range").get("line").asInt()).isEqualTo(9);
        assertThat(alerts.get(0).get("range").get("column").asInt()).as("the alert key").isEqualTo(9);
        assertThat(alerts.get(1).get("severity").asText()).as("merge key resolved").isEqualTo("critical");
        assertThat(alerts.get(2).get("source").asText()).isEqualTo("table");
        assertThat(alerts.get(2).get("threshold").asDouble()).isEqualTo(1000.0);

        JsonNode slo = doc.get("slos").get(0);
        assertThat(slo.get("targetWritten").asText()).isEqualTo("99.95%");
        assertThat(slo.get("allowance").get("written").asText()).as("the window cell is not the allowance")
                .isEqualTo("21.6 minutes");
        assertThat(slo.get("allowance").get("range").get("line").asInt()).isEqualTo(29);

        JsonNode health = doc.get("healthEndpoints");
        assertThat(health).hasSize(2);
        assertThat(health.get(0).get("port").asInt()).isEqualTo(8080);
        assertThat(health.get(0).get("monitoringTool").asBoolean()).isFalse();
        assertThat(health.get(1).get("monitoringTool").asBoolean()).isTrue();
    }

    @Test
    void textFormatAndMissingPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("monitoring-strategy.md");
        Files.writeString(file, MONITORING);
        CliRun run = CliRun.of("facts", file.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("alert BudgetBurnFast [yaml] > 0.0072").contains("for 2m severity critical");
        CliRun missing = CliRun.of("facts", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file or folder").doesNotContain("Exception");
    }
}
