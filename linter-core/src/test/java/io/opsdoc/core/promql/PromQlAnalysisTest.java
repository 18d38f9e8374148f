package io.opsdoc.core.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opsdoc.core.promql.PromQlAnalysis.Comparison;

class PromQlAnalysisTest {

    private static PromQlExpr parse(String expr) {
        PromQlResult r = PromQlParser.parse(expr);
        assertThat(r.error()).as(expr).isEmpty();
        return r.expr().orElseThrow();
    }

    @Test
    void comparisonWithConstantArithmeticThreshold() {
        String src = "sum(rate(x{code=~\"5..\"}[5m])) / sum(rate(x[5m])) > 14.4 * 0.001";
        List<Comparison> cs = PromQlAnalysis.comparisons(parse(src));
        assertThat(cs).hasSize(1);
        Comparison c = cs.get(0);
        assertThat(c.op()).isEqualTo(">");
        assertThat(c.threshold()).isCloseTo(0.0144, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.thresholdOnRight()).isTrue();
        assertThat(c.metricSide()).isInstanceOf(PromQlExpr.BinaryExpr.class);
    }

    @Test
    void nestedAndReversedComparisons() {
        String src = "(a > 14.4 * 0.001 and b > (2 + 1)) or 0.5 <= c or absent(up{job=\"x\"} == 1) or d > e";
        List<Comparison> cs = PromQlAnalysis.comparisons(parse(src));
        assertThat(cs).extracting(Comparison::op).containsExactly(">", ">", "<=", "==");
        assertThat(cs).extracting(Comparison::threshold).containsExactly(14.4 * 0.001, 3.0, 0.5, 1.0);
        assertThat(cs.get(2).thresholdOnRight()).isFalse();
        assertThat(((PromQlExpr.VectorSelector) cs.get(2).metricSide()).metricName()).isEqualTo("c");
    }

    @Test
    void constantValue() {
        assertThat(PromQlAnalysis.constantValue(parse("4*3600"))).contains(14400.0);
        assertThat(PromQlAnalysis.constantValue(parse("-(1 + 2) ^ 2"))).contains(-9.0);
        assertThat(PromQlAnalysis.constantValue(parse("7 % 4"))).contains(3.0);
        assertThat(PromQlAnalysis.constantValue(parse("x * 2"))).isEmpty();
        assertThat(PromQlAnalysis.constantValue(parse("1 > bool 2"))).isEmpty();
        assertThat(PromQlAnalysis.constantValue(parse("1" + " + 1".repeat(50_000)))).contains(50_001.0);
    }

    @Test
    void metricNames() {
        String src = "sum(rate(http_requests_total{job=\"a\"}[5m])) / on(job) group_left "
            + "{__name__=\"up\"} + {__name__=~\"foo.*\"} + count(http_requests_total) + node_load1 offset 5m";
        assertThat(PromQlAnalysis.metricNames(parse(src)))
            .containsExactly("http_requests_total", "up", "node_load1");
    }

    @Test
    void preOrderVisitsEveryNode() {
        assertThat(PromQlAnalysis.preOrder(parse("a + b * c"))).hasSize(5);
    }
}
