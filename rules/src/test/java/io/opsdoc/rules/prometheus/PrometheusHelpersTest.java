package io.opsdoc.rules.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusHelpersTest {
    @Test
    void suggestsPrometheusDurations() {
        assertThat(Exprs.suggestion("5 minutes")).hasValue("5m");
        assertThat(Exprs.suggestion("1h 30m")).hasValue("1h30m");
        assertThat(Exprs.suggestion("1 hour and 30 minutes")).hasValue("1h30m");
        assertThat(Exprs.suggestion("5M")).isEmpty();
        assertThat(Exprs.suggestion("30m 1h")).isEmpty();
        assertThat(Exprs.durationMessage("for", "300")).contains("add a unit, e.g. 300s");
    }

    @Test
    void separatesBadRangesFromOtherSyntaxErrors() {
        String bad = "rate(x[5 minutes])";
        assertThat(Exprs.badRange(bad, Exprs.parse(bad).error().orElseThrow()))
                .hasValueSatisfying(r -> assertThat(bad.substring(r.start(), r.end())).isEqualTo("5 minutes"));
        String subquery = "max_over_time(rate(x[5m])[30m:1 m])";
        assertThat(Exprs.badRange(subquery, Exprs.parse(subquery).error().orElseThrow()))
                .hasValueSatisfying(r -> assertThat(r.text()).isEqualTo("1 m"));
        String unclosed = "rate(x[5m) + rate(y[1m])";
        assertThat(Exprs.badRange(unclosed, Exprs.parse(unclosed).error().orElseThrow())).isEmpty();
        assertThat(Exprs.notPromQl("sum(count_over_time({app=\"x\"} |= \"panic\" [5m]))")).isTrue();
        assertThat(Exprs.notPromQl("sum(rate(x{code=~\"5..\"}[5m]))")).isFalse();
    }
}
