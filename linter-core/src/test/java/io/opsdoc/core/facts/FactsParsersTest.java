package io.opsdoc.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsdoc.core.promql.PromQlAnalysis;
import io.opsdoc.core.promql.PromQlExpr;
import io.opsdoc.core.promql.PromQlParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small parsers behind the consistency rules: durations, percentages, windows, thresholds. */
class FactsParsersTest {

    private static Durations.Found duration(String text) {
        return Durations.first(text).orElseThrow();
    }

    @Test
    void aDigitRunTooLongForAWindowIsNoWindowAndNoError() {
        assertThat(Windows.find("Retention over 3154453269561 days and a 99999999999-day window")).isEmpty();
        assertThat(Windows.find("Measured over 30 days")).hasSize(1);
    }

    @Test
    void humanDurationsWithPrecision() {
        assertThat(duration("about 43.2 minutes a month").seconds()).isCloseTo(2592, within(1e-9));
        assertThat(duration("43.2 minutes").precision()).isCloseTo(6, within(1e-9));
        Durations.Found compound = duration("at most 4h 23m a year");
        assertThat(compound.seconds()).isEqualTo(4 * 3600 + 23 * 60);
        assertThat(compound.precision()).isEqualTo(60);
        assertThat(compound.text()).isEqualTo("4h 23m");
        assertThat(duration("4 hours and 23 minutes").seconds()).isEqualTo(15780);
        assertThat(duration("8.76 hours per year").seconds()).isCloseTo(8.76 * 3600, within(1e-6));
        assertThat(duration("Container scan: 90s").seconds()).isEqualTo(90);
        assertThat(duration("1.5 min").seconds()).isEqualTo(90);
        assertThat(duration("Deploy: 1m30s").seconds()).isEqualTo(90);
        assertThat(duration("< 2 minutes").seconds()).isEqualTo(120);
        assertThat(duration("p99 < 300 ms").seconds()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void rangesTakeTheUpperBound() {
        Durations.Found range = duration("Test: 2-3 min");
        assertThat(range.seconds()).isEqualTo(180);
        assertThat(range.lowerSeconds()).isEqualTo(120);
        assertThat(duration("4 to 5 minutes").seconds()).isEqualTo(300);
        assertThat(duration("2\u20133 minutes").seconds()).isEqualTo(180);
    }

    @Test
    void notDurations() {
        assertThat(Durations.find("99.9% of requests, 5xx errors, p99, a 30-day month, m6i.large")).isEmpty();
        assertThat(Durations.find("per month")).isEmpty();
    }

    @Test
    void goDurations() {
        assertThat(Durations.parseGo("15m")).contains(900.0);
        assertThat(Durations.parseGo("10m0s")).contains(600.0);
        assertThat(Durations.parseGo("1h30m")).contains(5400.0);
        assertThat(Durations.parseGo("1.5h")).contains(5400.0);
        assertThat(Durations.parseGo("300")).isEmpty();
        assertThat(Durations.parseGo("5 minutes")).isEmpty();
        assertThat(Rollbacks.pauseSeconds("300")).contains(300.0);
    }

    @Test
    void percentages() {
        List<Percentages.Found> found = Percentages.find("SLO 99.95 % and SLA 99.9 percent, 0.1% of requests");
        assertThat(found).extracting(Percentages.Found::written).containsExactly("99.95", "99.9", "0.1");
        assertThat(found.get(0).budget()).isEqualTo(0.0005);
        assertThat(found.get(1).budget()).isEqualTo(0.001);
        assertThat(Percentages.targets("99.9% uptime, 100% coverage, 80% CPU")).hasSize(1);
    }

    @Test
    void windows() {
        Windows.Found month = Windows.find("43.2 minutes per month").get(0);
        assertThat(month.minDays()).isEqualTo(28);
        assertThat(month.maxDays()).isEqualTo(31);
        assertThat(Windows.find("4h/month").get(0).maxDays()).isEqualTo(31);
        assertThat(Windows.find("measured over 30 days").get(0).minDays()).isEqualTo(30);
        assertThat(Windows.find("a 28-day rolling window").get(0).maxDays()).isEqualTo(28);
        assertThat(Windows.find("Window: 30 days").get(0).maxDays()).isEqualTo(30);
        assertThat(Windows.find("8.76 hours annually").get(0).minDays()).isEqualTo(365);
        assertThat(Windows.find("per quarter").get(0).maxDays()).isEqualTo(92);
        assertThat(Windows.find("10 minutes a week").get(0).maxDays()).isEqualTo(7);
        assertThat(Windows.find("within 5 minutes")).isEmpty();
    }


    @Test
    void burnRateArithmeticIsEvaluated() {
        PromQlExpr expr = PromQlParser.parse(
                "job:errors:ratio_rate1h > (14.4 * 0.001) and job:errors:ratio_rate5m > (14.4 * 0.001)").expr().orElseThrow();
        List<PromQlAnalysis.Comparison> comparisons = PromQlAnalysis.comparisons(expr);
        assertThat(comparisons).hasSize(2);
        assertThat(comparisons.get(0).threshold()).isCloseTo(0.0144, within(1e-12));
        assertThat(comparisons.get(0).threshold() / 0.001).isLessThanOrEqualTo(14.4 * (1 + 1e-9));
    }

    @Test
    void errorRatioRecognition() {
        PromQlExpr ratio = metricSide("sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05");
        assertThat(AlertExprs.errorRatio(ratio, Map.of())).map(AlertExprs.Measure::scale).contains(1.0);
        PromQlExpr percent = metricSide("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) * 100 > 5");
        assertThat(AlertExprs.errorRatio(percent, Map.of())).map(AlertExprs.Measure::scale).contains(100.0);
        PromQlExpr throughput = metricSide("sum(rate(http_requests_total[5m])) / sum(rate(http_requests_total[1h])) > 2");
        assertThat(AlertExprs.errorRatio(throughput, Map.of())).isEmpty();
        PromQlExpr recorded = metricSide("slo:availability:burn > 0.01");
        PromQlExpr definition = PromQlParser.parse(
                "sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))").expr().orElseThrow();
        assertThat(AlertExprs.errorRatio(recorded, Map.of("slo:availability:burn", definition))).isPresent();
    }

    @Test
    void latencyQuantileRecognition() {
        PromQlExpr seconds = metricSide("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 2");
        assertThat(AlertExprs.latencyQuantile(seconds)).contains(new AlertExprs.Measure(1, 0.99));
        PromQlExpr millis = metricSide("histogram_quantile(0.95, sum by (le) (rate(api_latency_milliseconds_bucket[5m]))) > 250");
        assertThat(AlertExprs.latencyQuantile(millis)).contains(new AlertExprs.Measure(1000, 0.95));
    }

    @Test
    void healthPathsAndTimeouts() {
        assertThat(HealthEndpoints.isHealthPath("/metrics")).isFalse();
        assertThat(HealthEndpoints.isHealthPath("/api/v1/orders")).isFalse();
        assertThat(HealthEndpoints.isHealthPath("/healthz/")).isTrue();
        assertThat(HealthEndpoints.isHealthPath("/actuator/health/readiness")).isTrue();
        assertThat(HealthEndpoints.normalise("/Health/?verbose=1")).isEqualTo("/health");
        assertThat(Rollbacks.commandLimit("kubectl rollout status deployment/app --timeout=15m"))
                .map(Rollbacks.CommandLimit::seconds).contains(900.0);
        assertThat(Rollbacks.commandLimit("helm upgrade --install app ./chart --wait --timeout 10m0s"))
                .map(Rollbacks.CommandLimit::seconds).contains(600.0);
        assertThat(Rollbacks.commandLimit("curl --timeout=5m https://x")).isEmpty();
        assertThat(Rollbacks.commandLimit("# kubectl rollout status --timeout=15m")).isEmpty();
    }

    private static PromQlExpr metricSide(String expr) {
        PromQlExpr root = PromQlParser.parse(expr).expr().orElseThrow();
        return PromQlAnalysis.comparisons(root).get(0).metricSide();
    }
}
