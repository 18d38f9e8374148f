package io.opsdoc.core.facts;

import io.opsdoc.core.promql.LabelMatcher;
import io.opsdoc.core.promql.PromQlAnalysis;
import io.opsdoc.core.promql.PromQlExpr;
import io.opsdoc.core.promql.PromQlExpr.AggregateExpr;
import io.opsdoc.core.promql.PromQlExpr.BinaryExpr;
import io.opsdoc.core.promql.PromQlExpr.Call;
import io.opsdoc.core.promql.PromQlExpr.MatrixSelector;
import io.opsdoc.core.promql.PromQlExpr.ParenExpr;
import io.opsdoc.core.promql.PromQlExpr.VectorSelector;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises what an alert's compared expression measures: an error ratio (errors over all
 * requests) or a latency quantile ({@code histogram_quantile(0.99, ...)}), with the factor that
 * scales it (×100 for percent, ×1000 for milliseconds).
 */
public final class AlertExprs {
    private static final Set<String> STATUS_LABELS = Set.of("status", "code", "status_code", "http_status",
            "response_code", "http_code", "statuscode", "grpc_code", "http_response_status_code", "status_class");

    private AlertExprs() {
    }

    /** A measured quantity: {@code scale} multiplies the natural unit (ratio or seconds). */
    public record Measure(double scale, double quantile) {
    }

    /**
     * An error ratio, possibly scaled (×100); {@code records} maps recording-rule names to their
     * parsed expressions so {@code job:errors:ratio_rate5m > 0.01} is recognised.
     */
    public static Optional<Measure> errorRatio(PromQlExpr expr, Map<String, PromQlExpr> records) {
        return errorRatio(expr, records, 0);
    }

    private static Optional<Measure> errorRatio(PromQlExpr expr, Map<String, PromQlExpr> records, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        PromQlExpr e = unwrap(expr);
        if (e instanceof BinaryExpr b && b.op().equals("*")) {
            Optional<Double> factor = PromQlAnalysis.constantValue(b.rhs()).or(() -> PromQlAnalysis.constantValue(b.lhs()));
            PromQlExpr other = PromQlAnalysis.constantValue(b.rhs()).isPresent() ? b.lhs() : b.rhs();
            if (factor.isPresent()) {
                return errorRatio(other, records, depth + 1).map(m -> new Measure(m.scale() * factor.get(), 0));
            }
            return Optional.empty();
        }
        if (e instanceof BinaryExpr b && b.op().equals("/")) {
            if (mentionsErrors(b.lhs()) && !mentionsErrors(b.rhs())) {
                return Optional.of(new Measure(1, 0));
            }
            return Optional.empty();
        }
        if (e instanceof VectorSelector v) {
            String name = v.effectiveMetricName().orElse("");
            PromQlExpr recorded = records.get(name);
            if (recorded != null) {
                return errorRatio(recorded, records, depth + 1);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.contains("error") || lower.contains("err_") || lower.contains("fail")) && lower.contains("ratio")) {
                return Optional.of(new Measure(1, 0));
            }
            return Optional.empty();
        }
        if (e instanceof AggregateExpr a && a.param() == null && Set.of("max", "min", "avg", "sum").contains(a.op())) {
            return errorRatio(a.expr(), records, depth + 1);
        }
        return Optional.empty();
    }

    /** A latency quantile in seconds (scale 1000 for an expression that multiplies it into milliseconds). */
    public static Optional<Measure> latencyQuantile(PromQlExpr expr) {
        PromQlExpr e = unwrap(expr);
        if (e instanceof BinaryExpr b && b.op().equals("*")) {
            Optional<Double> factor = PromQlAnalysis.constantValue(b.rhs()).or(() -> PromQlAnalysis.constantValue(b.lhs()));
            PromQlExpr other = PromQlAnalysis.constantValue(b.rhs()).isPresent() ? b.lhs() : b.rhs();
            if (factor.isPresent()) {
                return latencyQuantile(other).map(m -> new Measure(m.scale() * factor.get(), m.quantile()));
            }
            return Optional.empty();
        }
        if (e instanceof AggregateExpr a && a.param() == null && Set.of("max", "min", "avg").contains(a.op())) {
            return latencyQuantile(a.expr());
        }
        if (e instanceof Call c && c.function().equals("histogram_quantile") && c.args().size() == 2) {
            Optional<Double> q = PromQlAnalysis.constantValue(c.args().get(0));
            if (q.isEmpty()) {
                return Optional.empty();
            }
            double scale = 1;
            for (String name : PromQlAnalysis.metricNames(c.args().get(1))) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("millisecond") || lower.endsWith("_ms_bucket") || lower.contains("_ms_")) {
                    scale = 1000;
                }
            }
            return Optional.of(new Measure(scale, q.get()));
        }
        if (e instanceof VectorSelector v) {
            for (LabelMatcher m : v.matchers()) {
                if (m.name().equals("quantile") && m.type() == LabelMatcher.MatchType.EQUAL) {
                    try {
                        String name = v.effectiveMetricName().orElse("").toLowerCase(Locale.ROOT);
                        double scale = name.contains("millisecond") || name.endsWith("_ms") ? 1000 : 1;
                        return Optional.of(new Measure(scale, Double.parseDouble(m.value())));
                    } catch (NumberFormatException ex) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static PromQlExpr unwrap(PromQlExpr expr) {
        PromQlExpr e = expr;
        while (e instanceof ParenExpr p) {
            e = p.expr();
        }
        return e;
    }

    /** True when a selector below {@code expr} picks failed requests (5xx status, error metric names). */
    public static boolean mentionsErrors(PromQlExpr expr) {
        for (PromQlExpr node : PromQlAnalysis.preOrder(expr)) {
            VectorSelector v = node instanceof VectorSelector vs ? vs
                    : node instanceof MatrixSelector ms ? ms.selector() : null;
            if (v == null) {
                continue;
            }
            String name = v.effectiveMetricName().orElse("").toLowerCase(Locale.ROOT);
            if (name.contains("error") || name.contains("fail") || name.contains("5xx")) {
                return true;
            }
            for (LabelMatcher m : v.matchers()) {
                String label = m.name().toLowerCase(Locale.ROOT);
                String value = m.value().toLowerCase(Locale.ROOT);
                boolean positive = m.type() == LabelMatcher.MatchType.EQUAL || m.type() == LabelMatcher.MatchType.REGEX;
                if (positive && STATUS_LABELS.contains(label) && (value.startsWith("5") || value.contains("error"))) {
                    return true;
                }
                if (positive && (label.equals("error") || label.equals("failed")) && value.equals("true")) {
                    return true;
                }
                if (positive && (label.equals("outcome") || label.equals("result") || label.equals("status"))
                        && (value.contains("error") || value.contains("fail") || value.contains("server_error"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
