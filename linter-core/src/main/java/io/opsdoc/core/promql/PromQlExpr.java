package io.opsdoc.core.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Syntax tree of a PromQL expression. Every node knows its source range ({@code start} inclusive,
 * {@code end} exclusive, UTF-16 indexes into the parsed string) and its static type.
 *
 * <p>Note: the generated {@code equals}, {@code hashCode} and {@code toString} of these records
 * recurse into children; on pathologically deep trees (tens of thousands of chained binary
 * operators) they may exhaust the stack. Use {@link PromQlAnalysis#preOrder(PromQlExpr)} to walk
 * trees iteratively.
 */
public sealed interface PromQlExpr {

    int start();

    int end();

    /** Static type as computed by the Prometheus parser. */
    ValueType type();

    /** Direct sub-expressions in source order. */
    List<PromQlExpr> children();

    record NumberLiteral(double value, int start, int end) implements PromQlExpr {
        @Override
        public ValueType type() {
            return ValueType.SCALAR;
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of();
        }
    }

    record StringLiteral(String value, int start, int end) implements PromQlExpr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of();
        }
    }

    /**
     * An instant vector selector.
     *
     * @param metricName name written before the braces, or null when only matchers are given
     * @param matchers   matchers inside the braces (a metric name given as {@code {__name__="x"}} or
     *                   {@code {"x"}} stays a matcher, as in Prometheus)
     * @param offset     the {@code offset} modifier, {@link Duration#ZERO} when absent
     * @param at         the {@code @} modifier, or null when absent
     */
    record VectorSelector(String metricName, List<LabelMatcher> matchers, Duration offset, AtModifier at,
                          int start, int end) implements PromQlExpr {
        public VectorSelector {
            matchers = List.copyOf(matchers);
        }

        /** The metric name, whether written before the braces or as an equality {@code __name__} matcher. */
        public Optional<String> effectiveMetricName() {
            if (metricName != null) {
                return Optional.of(metricName);
            }
            for (LabelMatcher m : matchers) {
                if (m.name().equals(LabelMatcher.METRIC_NAME_LABEL) && m.type() == LabelMatcher.MatchType.EQUAL) {
                    return Optional.of(m.value());
                }
            }
            return Optional.empty();
        }

        @Override
        public ValueType type() {
            return ValueType.INSTANT_VECTOR;
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of();
        }
    }

    /** A range vector selector {@code selector[range]}; offset and {@code @} live on the inner selector. */
    record MatrixSelector(VectorSelector selector, Duration range, int start, int end) implements PromQlExpr {
        @Override
        public ValueType type() {
            return ValueType.RANGE_VECTOR;
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of(selector);
        }
    }

    /**
     * A subquery {@code expr[range:step]}.
     *
     * @param step null when omitted ({@code [30m:]}), meaning the global evaluation interval
     */
    record Subquery(PromQlExpr expr, Duration range, Duration step, Duration offset, AtModifier at,
                    int start, int end) implements PromQlExpr {
        @Override
        public ValueType type() {
            return ValueType.RANGE_VECTOR;
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of(expr);
        }
    }

    /**
     * A binary operation.
     *
     * @param op         operator as written in lower case: {@code + - * / % ^ atan2 == != > < >= <= and or unless}
     * @param returnBool whether the {@code bool} modifier was given
     * @param matching   vector matching, or null when an operand is a scalar (as in Prometheus)
     * @param type       result type, stored because computing it would recurse through long operator chains
     */
    record BinaryExpr(String op, PromQlExpr lhs, PromQlExpr rhs, boolean returnBool, VectorMatching matching,
                      ValueType type, int start, int end) implements PromQlExpr {

        public boolean isComparison() {
            return PromQlParser.isComparisonOperator(op);
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of(lhs, rhs);
        }
    }

    /** Unary {@code +} or {@code -} applied to something other than a number literal. */
    record UnaryExpr(String op, PromQlExpr expr, int start, int end) implements PromQlExpr {
        @Override
        public ValueType type() {
            return expr.type();
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of(expr);
        }
    }

    record ParenExpr(PromQlExpr expr, int start, int end) implements PromQlExpr {
        @Override
        public ValueType type() {
            return expr.type();
        }

        @Override
        public List<PromQlExpr> children() {
            return List.of(expr);
        }
    }

    /**
     * An aggregation such as {@code sum by (job) (x)} or {@code topk(5, x)}.
     *
     * @param op       aggregation operator in lower case
     * @param grouping labels of the {@code by} / {@code without} clause (empty when absent)
     * @param param    the parameter of {@code topk bottomk quantile count_values limitk limit_ratio}, else null
     */
    record AggregateExpr(String op, List<String> grouping, boolean without, PromQlExpr param, PromQlExpr expr,
                         int start, int end) implements PromQlExpr {
        public AggregateExpr {
            grouping = List.copyOf(grouping);
        }

        @Override
        public ValueType type() {
            return ValueType.INSTANT_VECTOR;
        }

        @Override
        public List<PromQlExpr> children() {
            List<PromQlExpr> result = new ArrayList<>(2);
            if (param != null) {
                result.add(param);
            }
            result.add(expr);
            return List.copyOf(result);
        }
    }

    record Call(String function, List<PromQlExpr> args, int start, int end) implements PromQlExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public ValueType type() {
            return PromQlFunctions.lookup(function).map(PromQlFunctions.Signature::returnType)
                .orElse(ValueType.INSTANT_VECTOR);
        }

        @Override
        public List<PromQlExpr> children() {
            return args;
        }
    }
}
