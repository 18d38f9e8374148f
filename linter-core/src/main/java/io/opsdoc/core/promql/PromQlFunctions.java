package io.opsdoc.core.promql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.opsdoc.core.promql.ValueType.INSTANT_VECTOR;
import static io.opsdoc.core.promql.ValueType.RANGE_VECTOR;
import static io.opsdoc.core.promql.ValueType.SCALAR;
import static io.opsdoc.core.promql.ValueType.STRING;

/**
 * The PromQL function table (names, argument types, variadic arity, result type), following
 * Prometheus' {@code promql/parser/functions.go}. Experimental functions are accepted because a
 * linter cannot know which feature flags the target server runs with.
 */
public final class PromQlFunctions {

    /**
     * @param variadic 0: exactly {@code argTypes.size()} arguments; n &gt; 0: the last argument is
     *                 optional and up to n extra ones are allowed; -1: unlimited repetitions of the last type
     */
    public record Signature(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {
        public Signature {
            argTypes = List.copyOf(argTypes);
        }

        int minArgs() {
            return variadic == 0 ? argTypes.size() : argTypes.size() - 1;
        }

        /** Maximum argument count, or -1 for unlimited. */
        int maxArgs() {
            if (variadic == 0) {
                return argTypes.size();
            }
            return variadic < 0 ? -1 : argTypes.size() - 1 + variadic;
        }

        ValueType argType(int index) {
            return argTypes.get(Math.min(index, argTypes.size() - 1));
        }
    }

    private static final Set<String> ONE_VECTOR = Set.of(
        "abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "deg", "exp",
        "floor", "histogram_avg", "histogram_count", "histogram_sum", "histogram_stddev", "histogram_stdvar", "ln",
        "log10", "log2", "rad", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "tan", "tanh", "timestamp");

    private static final Set<String> ONE_MATRIX = Set.of(
        "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "first_over_time",
        "idelta", "increase", "irate", "last_over_time", "mad_over_time", "max_over_time", "min_over_time",
        "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time",
        "ts_of_first_over_time", "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time");

    /** Date functions take an optional vector and default to {@code vector(time())}. */
    private static final Set<String> OPTIONAL_VECTOR = Set.of(
        "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year");

    private static final Map<String, Signature> FUNCTIONS = build();

    private PromQlFunctions() {
    }

    public static Optional<Signature> lookup(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    public static Set<String> names() {
        return FUNCTIONS.keySet();
    }

    private static Map<String, Signature> build() {
        java.util.HashMap<String, Signature> m = new java.util.HashMap<>();
        ONE_VECTOR.forEach(n -> put(m, n, 0, INSTANT_VECTOR, INSTANT_VECTOR));
        ONE_MATRIX.forEach(n -> put(m, n, 0, INSTANT_VECTOR, RANGE_VECTOR));
        OPTIONAL_VECTOR.forEach(n -> put(m, n, 1, INSTANT_VECTOR, INSTANT_VECTOR));
        put(m, "clamp", 0, INSTANT_VECTOR, INSTANT_VECTOR, SCALAR, SCALAR);
        put(m, "clamp_max", 0, INSTANT_VECTOR, INSTANT_VECTOR, SCALAR);
        put(m, "clamp_min", 0, INSTANT_VECTOR, INSTANT_VECTOR, SCALAR);
        put(m, "histogram_fraction", 0, INSTANT_VECTOR, SCALAR, SCALAR, INSTANT_VECTOR);
        put(m, "histogram_quantile", 0, INSTANT_VECTOR, SCALAR, INSTANT_VECTOR);
        put(m, "histogram_quantiles", 9, INSTANT_VECTOR, INSTANT_VECTOR, STRING, SCALAR, SCALAR);
        put(m, "double_exponential_smoothing", 0, INSTANT_VECTOR, RANGE_VECTOR, SCALAR, SCALAR);
        // Prometheus 2.x name of double_exponential_smoothing, still common in existing rule files.
        put(m, "holt_winters", 0, INSTANT_VECTOR, RANGE_VECTOR, SCALAR, SCALAR);
        put(m, "info", 1, INSTANT_VECTOR, INSTANT_VECTOR, INSTANT_VECTOR);
        put(m, "integral", 1, INSTANT_VECTOR, RANGE_VECTOR, SCALAR);
        put(m, "label_replace", 0, INSTANT_VECTOR, INSTANT_VECTOR, STRING, STRING, STRING, STRING);
        put(m, "label_join", -1, INSTANT_VECTOR, INSTANT_VECTOR, STRING, STRING, STRING);
        put(m, "pi", 0, SCALAR);
        put(m, "predict_linear", 0, INSTANT_VECTOR, RANGE_VECTOR, SCALAR);
        put(m, "quantile_over_time", 0, INSTANT_VECTOR, SCALAR, RANGE_VECTOR);
        put(m, "round", 1, INSTANT_VECTOR, INSTANT_VECTOR, SCALAR);
        put(m, "scalar", 0, SCALAR, INSTANT_VECTOR);
        put(m, "sort_by_label", -1, INSTANT_VECTOR, INSTANT_VECTOR, STRING);
        put(m, "sort_by_label_desc", -1, INSTANT_VECTOR, INSTANT_VECTOR, STRING);
        put(m, "time", 0, SCALAR);
        put(m, "vector", 0, INSTANT_VECTOR, SCALAR);
        return Map.copyOf(m);
    }

    private static void put(Map<String, Signature> m, String name, int variadic, ValueType result,
                            ValueType... args) {
        m.put(name, new Signature(name, List.of(args), variadic, result));
    }
}
