package io.opsdoc.core.facts;

import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An alert the plan defines: a Prometheus-style alerting rule in YAML, a row of an alert table or
 * a Datadog monitor (Terraform {@code datadog_monitor} or a monitor definition in JSON).
 *
 * @param name the alert's name ({@code alert:} value, the row's first cell, the monitor's {@code name})
 * @param source {@code yaml}, {@code table}, {@code hcl} (a Terraform {@code datadog_monitor}) or
 *     {@code json} (a Datadog monitor definition)
 * @param expression the condition as written (PromQL for YAML rules, the cell text for tables, the monitor query)
 * @param comparison the first comparison operator of the condition ({@code >}, {@code <=}, "above"), if any
 * @param threshold the constant it is compared with, arithmetic evaluated ({@code > (14.4 * 0.0005)} is 0.0072)
 * @param forDuration the {@code for} duration (or the table's duration cell) as written
 * @param runbook the runbook URL or reference as written
 * @param range the {@code alert} key, the row's first cell or the monitor's name
 * @param bounds the upper bounds the alert's PromQL puts on an error ratio or a latency quantile
 */
public record AlertFact(String name, String source, Optional<String> expression, Optional<String> comparison,
        OptionalDouble threshold, Optional<String> forDuration, Optional<String> severity, Optional<String> runbook,
        Range range, List<Bound> bounds) {
    public static final String ERROR_RATIO = "error-ratio";
    public static final String LATENCY = "latency";

    public AlertFact {
        bounds = List.copyOf(bounds);
    }

    /**
     * An alert fires above {@code value} of a measured quantity: an error ratio (a fraction, scaled
     * back from a percentage) or a latency quantile (seconds, scaled back from milliseconds).
     *
     * @param measure {@link #ERROR_RATIO} or {@link #LATENCY}
     * @param quantile the latency quantile (0.99 for p99); 0 for an error ratio
     * @param value the threshold in the natural unit (fraction or seconds)
     * @param range the threshold constant in the file (the whole expression when it cannot be located)
     */
    public record Bound(String measure, double quantile, double value, Range range) {
    }

    /** True when the condition compares with a number (a constant expression counts). */
    public boolean hasThreshold() {
        return comparison.isPresent();
    }

    public boolean fromTable() {
        return source.equals("table");
    }

    public List<Bound> bounds(String measure) {
        return bounds.stream().filter(b -> b.measure().equals(measure)).toList();
    }
}
