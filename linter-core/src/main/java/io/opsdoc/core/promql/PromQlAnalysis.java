package io.opsdoc.core.promql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.opsdoc.core.promql.PromQlExpr.BinaryExpr;
import io.opsdoc.core.promql.PromQlExpr.NumberLiteral;
import io.opsdoc.core.promql.PromQlExpr.ParenExpr;
import io.opsdoc.core.promql.PromQlExpr.UnaryExpr;
import io.opsdoc.core.promql.PromQlExpr.VectorSelector;

/**
 * Queries over parsed expressions used by linter rules. All walks are iterative because operator
 * chains in real rule files can produce trees far deeper than the Java stack allows to recurse.
 */
public final class PromQlAnalysis {

    private PromQlAnalysis() {
    }

    /**
     * A comparison against a constant, e.g. {@code error_ratio > 14.4 * 0.001}.
     *
     * @param op                comparison operator as written ({@code == != > < >= <=})
     * @param metricSide        the non-constant operand
     * @param threshold         value of the constant operand
     * @param thresholdOnRight  true for {@code metric > 1}, false for {@code 1 < metric}
     */
    public record Comparison(String op, PromQlExpr metricSide, double threshold, boolean thresholdOnRight) {
    }

    /** All nodes of the tree in pre-order (source order for siblings). */
    public static List<PromQlExpr> preOrder(PromQlExpr root) {
        List<PromQlExpr> out = new ArrayList<>();
        Deque<PromQlExpr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PromQlExpr node = stack.pop();
            out.add(node);
            List<PromQlExpr> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return out;
    }

    /**
     * Every comparison (at any depth) with exactly one side that is a constant: a number literal
     * or arithmetic over literals, which is evaluated.
     */
    public static List<Comparison> comparisons(PromQlExpr root) {
        List<Comparison> result = new ArrayList<>();
        for (PromQlExpr node : preOrder(root)) {
            if (node instanceof BinaryExpr b && b.isComparison()) {
                Optional<Double> right = constantValue(b.rhs());
                Optional<Double> left = constantValue(b.lhs());
                if (right.isPresent() && left.isEmpty()) {
                    result.add(new Comparison(b.op(), b.lhs(), right.get(), true));
                } else if (left.isPresent() && right.isEmpty()) {
                    result.add(new Comparison(b.op(), b.rhs(), left.get(), false));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Metric names selected anywhere in the expression, in order of first appearance. */
    public static Set<String> metricNames(PromQlExpr root) {
        Set<String> names = new LinkedHashSet<>();
        for (PromQlExpr node : preOrder(root)) {
            if (node instanceof VectorSelector vs) {
                vs.effectiveMetricName().ifPresent(names::add);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Value of an expression made only of number literals, parentheses, unary signs and the
     * arithmetic operators {@code + - * / % ^ atan2}; empty for anything else.
     */
    public static Optional<Double> constantValue(PromQlExpr root) {
        // Post-order evaluation with explicit stacks: a node is pushed once to expand its children
        // and once more (marked) to combine their values.
        Deque<PromQlExpr> work = new ArrayDeque<>();
        Deque<Boolean> expanded = new ArrayDeque<>();
        Deque<Double> values = new ArrayDeque<>();
        work.push(root);
        expanded.push(false);
        while (!work.isEmpty()) {
            PromQlExpr node = work.pop();
            boolean done = expanded.pop();
            if (node instanceof NumberLiteral n) {
                values.push(n.value());
            } else if (node instanceof ParenExpr p) {
                work.push(p.expr());
                expanded.push(false);
            } else if (node instanceof UnaryExpr u) {
                if (done) {
                    double v = values.pop();
                    values.push(u.op().equals("-") ? -v : v);
                } else {
                    work.push(u);
                    expanded.push(true);
                    work.push(u.expr());
                    expanded.push(false);
                }
            } else if (node instanceof BinaryExpr b && isArithmetic(b.op())) {
                if (done) {
                    double r = values.pop();
                    double l = values.pop();
                    values.push(apply(b.op(), l, r));
                } else {
                    work.push(b);
                    expanded.push(true);
                    work.push(b.rhs());
                    expanded.push(false);
                    work.push(b.lhs());
                    expanded.push(false);
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(values.pop());
    }

    private static boolean isArithmetic(String op) {
        return switch (op) {
            case "+", "-", "*", "/", "%", "^", "atan2" -> true;
            default -> false;
        };
    }

    /** Arithmetic with Prometheus' float semantics (Go's math.Mod for %, IEEE division). */
    private static double apply(String op, double l, double r) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            case "%" -> l % r;
            case "^" -> Math.pow(l, r);
            case "atan2" -> Math.atan2(l, r);
            default -> throw new IllegalArgumentException("not arithmetic: " + op);
        };
    }
}
