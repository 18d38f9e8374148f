package io.opsdoc.core.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** An HCL expression. The parser never evaluates; these records describe syntax only. */
public sealed interface HclExpr {

    HclRange range();

    /** The literal string value of a quoted string or heredoc without interpolations or directives. */
    default Optional<String> literalString() {
        return Optional.empty();
    }

    default Optional<Boolean> literalBool() {
        return Optional.empty();
    }

    default Optional<BigDecimal> literalNumber() {
        return Optional.empty();
    }

    /** True for number, bool and null literals and for strings without template sequences. */
    default boolean isLiteral() {
        return false;
    }

    /** The canonical text of a plain traversal such as {@code var.environment}. */
    default Optional<String> traversalText() {
        return Optional.empty();
    }

    /** The exact source text of this expression. */
    default String sourceText(String originalText) {
        return range().text(originalText);
    }

    enum LiteralKind { NUMBER, BOOL, NULL }

    /** A number, {@code true}/{@code false} or {@code null}; {@code raw} is the source spelling. */
    record Literal(LiteralKind kind, String raw, HclRange range) implements HclExpr {
        @Override
        public Optional<Boolean> literalBool() {
            return kind == LiteralKind.BOOL ? Optional.of(Boolean.parseBoolean(raw)) : Optional.empty();
        }

        @Override
        public Optional<BigDecimal> literalNumber() {
            if (kind != LiteralKind.NUMBER) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(raw));
            } catch (NumberFormatException | ArithmeticException e) {
                // Exponents beyond BigDecimal's scale range are syntactically valid but not representable.
                return Optional.empty();
            }
        }

        @Override
        public boolean isLiteral() {
            return true;
        }
    }

    /**
     * A quoted string template or a heredoc.
     *
     * @param heredocMarker the heredoc delimiter, or null for a quoted string
     * @param flush         true for the indented {@code <<-} heredoc form
     */
    record Template(List<HclTemplatePart> parts, String heredocMarker, boolean flush, HclRange range)
            implements HclExpr {
        public Template {
            parts = List.copyOf(parts);
        }

        public boolean isHeredoc() {
            return heredocMarker != null;
        }

        @Override
        public Optional<String> literalString() {
            StringBuilder sb = new StringBuilder();
            for (HclTemplatePart part : parts) {
                if (!(part instanceof HclTemplatePart.Literal lit)) {
                    return Optional.empty();
                }
                sb.append(lit.value());
            }
            return Optional.of(flush ? stripCommonIndent(sb.toString()) : sb.toString());
        }

        @Override
        public boolean isLiteral() {
            return literalString().isPresent();
        }

        private static String stripCommonIndent(String text) {
            String[] lines = text.split("\n", -1);
            int indent = Integer.MAX_VALUE;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                int i = 0;
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                indent = Math.min(indent, i);
            }
            if (indent == Integer.MAX_VALUE || indent == 0) {
                return text;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(lines[i].length() >= indent ? lines[i].substring(indent) : lines[i].stripLeading());
            }
            return sb.toString();
        }
    }

    record Tuple(List<HclExpr> items, HclRange range) implements HclExpr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** One {@code key = value} (or {@code key: value}) item of an object constructor. */
    record ObjectItem(HclExpr key, HclExpr value, HclRange range) {
        /** The key as a name: a bare identifier or a literal string. */
        public Optional<String> keyName() {
            if (key instanceof Traversal t && t.steps().isEmpty()) {
                return Optional.of(t.root());
            }
            return key.literalString();
        }
    }

    record ObjectCons(List<ObjectItem> items, HclRange range) implements HclExpr {
        public ObjectCons {
            items = List.copyOf(items);
        }

        /** The value for an identifier or literal-string key; the last definition wins, as in HCL. */
        public Optional<HclExpr> get(String key) {
            HclExpr found = null;
            for (ObjectItem item : items) {
                if (item.keyName().filter(key::equals).isPresent()) {
                    found = item.value();
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /** A static traversal rooted at a variable, e.g. {@code module.m.out[0].id}. */
    record Traversal(String root, List<HclTraversalStep> steps, HclRange range) implements HclExpr {
        public Traversal {
            steps = List.copyOf(steps);
        }

        @Override
        public Optional<String> traversalText() {
            StringBuilder sb = new StringBuilder(root);
            steps.forEach(s -> sb.append(s.text()));
            return Optional.of(sb.toString());
        }
    }

    /**
     * A function call. {@code name} includes any namespace ({@code provider::aws::arn_parse}).
     *
     * @param expandFinal true when the last argument is followed by {@code ...}
     */
    record FunctionCall(String name, HclRange nameRange, List<HclExpr> args, boolean expandFinal, HclRange range)
            implements HclExpr {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    record Conditional(HclExpr condition, HclExpr trueResult, HclExpr falseResult, HclRange range)
            implements HclExpr {
    }

    record Binary(HclOperator operator, HclExpr left, HclExpr right, HclRange range) implements HclExpr {
    }

    record Unary(HclOperator operator, HclExpr operand, HclRange range) implements HclExpr {
        /** A negated number literal such as {@code -1} is reported as a negative number. */
        @Override
        public Optional<BigDecimal> literalNumber() {
            return operator == HclOperator.NEGATE ? operand.literalNumber().map(BigDecimal::negate) : Optional.empty();
        }

        @Override
        public boolean isLiteral() {
            return literalNumber().isPresent();
        }
    }

    record Parens(HclExpr expr, HclRange range) implements HclExpr {
    }

    /**
     * A {@code for} expression. For tuple results keyResult is null; keyVar is null with one iterator.
     *
     * @param grouping true when the value is followed by {@code ...} (object form only)
     */
    record ForExpr(String keyVar, String valueVar, HclExpr collection, HclExpr keyResult, HclExpr valueResult,
                   HclExpr condition, boolean grouping, boolean objectResult, HclRange range) implements HclExpr {
    }

    /** A splat: {@code source.*} (legacy attribute-only) or {@code source[*]} (full). */
    record Splat(HclExpr source, boolean full, HclRange range) implements HclExpr {
    }

    /** Indexing with a dynamic key (or on a non-variable source), {@code collection[key]}. */
    record Index(HclExpr collection, HclExpr key, HclRange range) implements HclExpr {
    }

    /** Attribute access on a non-variable source, e.g. {@code f(x).id}. */
    record GetAttr(HclExpr source, String name, HclRange range) implements HclExpr {
    }
}
