package io.opsdoc.rules.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.Windows;
import org.junit.jupiter.api.Test;

class ErrorBudgetArithmeticTest {
    private static Durations.Found duration(String text) {
        return Durations.first(text).orElseThrow();
    }

    @Test
    void errorBudgetArithmetic() {
        Windows.Found month = Windows.find("per month").get(0);
        Windows.Found days30 = Windows.find("over 30 days").get(0);
        Windows.Found year = Windows.find("per year").get(0);
        double nines3 = 0.001;
        assertThat(ErrorBudgetRule.fits(duration("43.2 minutes"), nines3, days30)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("43 minutes"), nines3, days30)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("43.8 minutes"), nines3, month)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("43.8 minutes"), nines3, days30)).isFalse();
        assertThat(ErrorBudgetRule.fits(duration("4 hours"), nines3, month)).isFalse();
        assertThat(ErrorBudgetRule.fits(duration("8.76 hours"), nines3, year)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("8h 45m"), nines3, year)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("8.7 hours"), nines3, year)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("8.5 hours"), nines3, year)).isFalse();
        assertThat(ErrorBudgetRule.fits(duration("4h 23m"), 0.0005, year)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("262.8 minutes"), 0.0005, year)).isTrue();
        assertThat(ErrorBudgetRule.fits(duration("3.6 hours"), 0.005, days30)).isTrue();
    }

    @Test
    void percentileNames() {
        assertThat(AlertVsSloRule.pValue("99")).isEqualTo(0.99);
        assertThat(AlertVsSloRule.pValue("999")).isEqualTo(0.999);
        assertThat(AlertVsSloRule.pValue("99.9")).isCloseTo(0.999, within(1e-12));
    }
}
