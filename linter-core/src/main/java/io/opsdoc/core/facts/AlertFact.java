package io.opsdoc.core.facts;

import io.opsdoc.core.source.Range;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An alert the plan defines: a Prometheus-style alerting rule in YAML or a row of an alert table.
 *
 * @param name the alert's name ({@code alert:} value or the row's first cell)
 * @param source {@code yaml}, {@code table} or {@code hcl} (a Terraform {@code datadog_monitor})
 * @param expression the condition as written (PromQL for YAML rules, the cell text for tables)
 * @param comparison the first comparison operator of the condition ({@code >}, {@code <=}, "above"), if any
 * @param threshold the constant it is compared with, arithmetic evaluated ({@code > (14.4 * 0.0005)} is 0.0072)
 * @param forDuration the {@code for} duration (or the table's duration cell) as written
 * @param runbook the runbook URL or reference as written
 * @param range the {@code alert} key or the row's first cell
 */
public record AlertFact(String name, String source, Optional<String> expression, Optional<String> comparison,
        OptionalDouble threshold, Optional<String> forDuration, Optional<String> severity, Optional<String> runbook,
        Range range) {
    /** True when the condition compares with a number (a constant expression counts). */
    public boolean hasThreshold() {
        return comparison.isPresent();
    }

    public boolean fromTable() {
        return source.equals("table");
    }
}
