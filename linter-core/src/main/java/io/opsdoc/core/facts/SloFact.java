package io.opsdoc.core.facts;

import io.opsdoc.core.source.Range;
import java.util.Optional;

/**
 * An availability objective: a target percentage with the window and the downtime allowance
 * stated with it, when the plan states them.
 *
 * @param target the percentage (99.9)
 * @param written the target as written ("99.95")
 * @param window the window stated with the target or allowance ("month", "30 days"), if any
 * @param windowMinDays shortest length of the window (28 for a month), 0 when none is stated
 * @param windowMaxDays longest length of the window (31 for a month), 0 when none is stated
 * @param allowanceSeconds the stated downtime allowance, if any
 * @param allowanceLowerSeconds the lower bound when the allowance is a range, else equal to it
 * @param allowancePrecision one unit of the allowance's last written digit, in seconds
 * @param allowanceWritten the allowance as written
 * @param allowanceRange where the allowance is written (else the target's range)
 */
public record SloFact(double target, String written, Optional<String> window, double windowMinDays,
        double windowMaxDays, Optional<Double> allowanceSeconds, double allowanceLowerSeconds,
        double allowancePrecision, Optional<String> allowanceWritten, Range range, Range allowanceRange) {
    /** The fraction allowed to fail: 0.001 for 99.9%, exact in decimal. */
    public double budget() {
        return java.math.BigDecimal.ONE.subtract(new java.math.BigDecimal(written).movePointLeft(2)).doubleValue();
    }

    public boolean hasWindow() {
        return window.isPresent();
    }
}
