package io.opsdoc.core.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationTest {

    @Test
    void parsesValidDurations() {
        assertThat(PromDuration.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(PromDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(PromDuration.parse("0")).contains(Duration.ZERO);
        assertThat(PromDuration.parse("0s")).contains(Duration.ZERO);
        assertThat(PromDuration.parse("10ms")).contains(Duration.ofMillis(10));
        assertThat(PromDuration.parse("1y")).contains(Duration.ofDays(365));
        assertThat(PromDuration.parse("2w")).contains(Duration.ofDays(14));
        assertThat(PromDuration.parse("1y2w3d4h5m6s7ms")).contains(Duration.ofDays(365 + 14 + 3)
            .plusHours(4).plusMinutes(5).plusSeconds(6).plusMillis(7));
        assertThat(PromDuration.parse("1m1ms")).contains(Duration.ofMillis(60_001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5 minutes", "5M", "1m1h", "5m5m", "5", "m", "1.5h", "-5m", "5m ", " 5m", "1h-1m",
        "5ms1s", "1d1y", "99999999999y", "1H", "5mss", "0x", "00"})
    void rejectsInvalidDurations(String text) {
        assertThat(PromDuration.parse(text)).as(text).isEmpty();
    }

    @Test
    void nullIsInvalid() {
        assertThat(PromDuration.parse(null)).isEmpty();
    }
}
