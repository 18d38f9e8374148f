package io.opsdoc.core.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.opsdoc.core.promql.PromQlExpr.AggregateExpr;
import io.opsdoc.core.promql.PromQlExpr.BinaryExpr;
import io.opsdoc.core.promql.PromQlExpr.Call;
import io.opsdoc.core.promql.PromQlExpr.MatrixSelector;
import io.opsdoc.core.promql.PromQlExpr.NumberLiteral;
import io.opsdoc.core.promql.PromQlExpr.ParenExpr;
import io.opsdoc.core.promql.PromQlExpr.StringLiteral;
import io.opsdoc.core.promql.PromQlExpr.Subquery;
import io.opsdoc.core.promql.PromQlExpr.UnaryExpr;
import io.opsdoc.core.promql.PromQlExpr.VectorSelector;
import io.opsdoc.core.promql.Token.Kind;
import io.opsdoc.core.promql.VectorMatching.Cardinality;

/**
 * Recursive-descent parser for PromQL, written against the grammar of Prometheus'
 * {@code generated_parser.y} and the checks of {@code parse.go} (type checks, argument counts,
 * vector matching rules, empty selectors). Binary operators use precedence climbing so that long
 * operator chains are parsed with a loop rather than recursion; real nesting (parentheses, calls,
 * unary operators, right-associative {@code ^}) is limited to {@value #MAX_DEPTH} levels so that
 * hostile input yields an error instead of a {@link StackOverflowError}.
 *
 * <p>The first problem found in source order is reported. Prometheus itself reports syntax errors
 * before type errors, so for inputs with several problems the reported one can differ.
 */
public final class PromQlParser {

    /** Maximum syntactic nesting depth. */
    public static final int MAX_DEPTH = 256;

    private static final Set<String> AGGREGATORS = Set.of(
        "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk", "count_values",
        "quantile", "limitk", "limit_ratio");
    private static final Set<String> PARAMETERISED_AGGREGATORS = Set.of(
        "topk", "bottomk", "count_values", "quantile", "limitk", "limit_ratio");
    /** Keywords that may still stand for a metric name (grammar rule {@code metric_identifier}). */
    private static final Set<String> METRIC_NAME_KEYWORDS = Set.of(
        "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk", "count_values",
        "quantile", "limitk", "limit_ratio", "by", "without", "and", "or", "unless", "offset", "start", "end");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", ">", "<", ">=", "<=");
    private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");

    /** Binding power of {@code ^}; unary minus binds just below it (Prometheus: {@code %prec MUL}). */
    private static final int POW_PRECEDENCE = 6;

    private final List<Token> tokens;
    private int index;
    private int depth;

    private PromQlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a PromQL expression. Never throws; problems are reported in the result. */
    public static PromQlResult parse(String expr) {
        if (expr == null) {
            return PromQlResult.failure(new PromQlError("no expression found in input", 0, 0));
        }
        try {
            return PromQlResult.success(new PromQlParser(PromQlLexer.tokenize(expr)).parseAll());
        } catch (ParseFailure failure) {
            return PromQlResult.failure(failure.error);
        } catch (RuntimeException | StackOverflowError unexpected) {
            // Last-resort guard: callers rely on parse() never throwing, even on a parser bug.
            return PromQlResult.failure(new PromQlError("internal parser error: " + unexpected, 0, expr.length()));
        }
    }

    static boolean isComparisonOperator(String op) {
        return COMPARISONS.contains(op);
    }

    static boolean isSetOperator(String op) {
        return SET_OPERATORS.contains(op);
    }

    // ---------------------------------------------------------------- token handling

    /** Internal control flow for the first error; carries no stack trace to stay cheap. */
    private static final class ParseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PromQlError error;

        ParseFailure(PromQlError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private static ParseFailure fail(String message, int start, int end) {
        return new ParseFailure(new PromQlError(message, start, Math.max(start, end)));
    }

    private static ParseFailure fail(String message, PromQlExpr node) {
        return fail(message, node.start(), node.end());
    }

    private Token peek() {
        Token t = tokens.get(index);
        if (t.is(Kind.ERROR)) {
            throw fail(t.text(), t.start(), t.end());
        }
        return t;
    }

    private Token peekSecond() {
        return index + 1 < tokens.size() ? tokens.get(index + 1) : tokens.get(tokens.size() - 1);
    }

    private Token advance() {
        Token t = peek();
        if (!t.is(Kind.EOF)) {
            index++;
        }
        return t;
    }

    private ParseFailure unexpected(Token t, String context, String expected) {
        StringBuilder msg = new StringBuilder("unexpected ").append(t.describe());
        if (context != null) {
            msg.append(" in ").append(context);
        }
        if (expected != null) {
            msg.append(", expected ").append(expected);
        }
        return fail(msg.toString(), t.start(), t.end());
    }

    private Token expect(Kind kind, String context, String expected) {
        Token t = peek();
        if (!t.is(kind)) {
            throw unexpected(t, context, expected);
        }
        return advance();
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw fail("expression nesting too deep (more than " + MAX_DEPTH + " levels)", at.start(), at.end());
        }
    }

    private void leave() {
        depth--;
    }

    /** Expects the ')' matching {@code open}, with a clearer message when the input just ends. */
    private Token closeParen(Token open, String context) {
        Token t = peek();
        if (t.is(Kind.RIGHT_PAREN)) {
            return advance();
        }
        if (t.is(Kind.EOF)) {
            throw fail("unclosed left parenthesis", open.start(), open.end());
        }
        throw unexpected(t, context, "\")\"");
    }

    // ---------------------------------------------------------------- expressions

    private PromQlExpr parseAll() {
        if (peek().is(Kind.EOF)) {
            throw fail("no expression found in input", 0, 0);
        }
        PromQlExpr expr = parseExpr();
        Token t = peek();
        if (t.is(Kind.RIGHT_PAREN)) {
            throw fail("unexpected right parenthesis ')'", t.start(), t.end());
        }
        if (!t.is(Kind.EOF)) {
            throw unexpected(t, null, null);
        }
        return expr;
    }

    private PromQlExpr parseExpr() {
        return parseBinary(0);
    }

    /** Precedence of the binary operator at {@code t}, or -1 when it is none. */
    private static int precedence(Token t) {
        if (t.is(Kind.KEYWORD)) {
            return switch (t.value()) {
                case "or" -> 1;
                case "and", "unless" -> 2;
                case "atan2" -> 5;
                default -> -1;
            };
        }
        if (!t.is(Kind.OPERATOR)) {
            return -1;
        }
        return switch (t.text()) {
            case "==", "!=", ">", "<", ">=", "<=" -> 3;
            case "+", "-" -> 4;
            case "*", "/", "%" -> 5;
            case "^" -> POW_PRECEDENCE;
            default -> -1;
        };
    }

    private PromQlExpr parseBinary(int minPrecedence) {
        PromQlExpr lhs = parseUnary();
        while (true) {
            Token opToken = peek();
            int prec = precedence(opToken);
            if (prec < 0 || prec < minPrecedence) {
                return lhs;
            }
            advance();
            String op = opToken.is(Kind.KEYWORD) ? opToken.value() : opToken.text();
            Modifiers modifiers = parseBinaryModifiers(opToken, op);
            PromQlExpr rhs;
            if (prec == POW_PRECEDENCE) {
                // '^' is right-associative: the right operand may itself contain '^'.
                enter(opToken);
                rhs = parseBinary(prec);
                leave();
            } else {
                rhs = parseBinary(prec + 1);
            }
            lhs = binary(opToken, op, lhs, rhs, modifiers);
        }
    }

    private record Modifiers(boolean returnBool, boolean hasMatchingClause, boolean on, List<String> labels,
                             Cardinality card, List<String> include) {
    }

    private Modifiers parseBinaryModifiers(Token opToken, String op) {
        boolean returnBool = false;
        if (peek().isKeyword("bool")) {
            Token boolToken = advance();
            returnBool = true;
            if (!isComparisonOperator(op)) {
                throw fail("bool modifier can only be used on comparison operators", opToken.start(), boolToken.end());
            }
        }
        if (!peek().isKeyword("on") && !peek().isKeyword("ignoring")) {
            return new Modifiers(returnBool, false, false, List.of(), Cardinality.ONE_TO_ONE, List.of());
        }
        boolean on = advance().value().equals("on");
        List<String> labels = parseGroupingLabels();
        Cardinality card = Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        if (peek().isKeyword("group_left") || peek().isKeyword("group_right")) {
            card = advance().value().equals("group_left") ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
            // As in Prometheus, a '(' right after group_x always starts its label list.
            if (peek().is(Kind.LEFT_PAREN)) {
                include = parseGroupingLabels();
            }
        }
        return new Modifiers(returnBool, true, on, labels, card, include);
    }

    /** Builds a binary node and applies the checks of Prometheus' checkAST for binary expressions. */
    private BinaryExpr binary(Token opToken, String op, PromQlExpr lhs, PromQlExpr rhs, Modifiers m) {
        ValueType lt = lhs.type();
        ValueType rt = rhs.type();
        int start = lhs.start();
        int end = rhs.end();
        if (lt != ValueType.SCALAR && lt != ValueType.INSTANT_VECTOR) {
            throw fail("binary expression must contain only scalar and instant vector types, got "
                + lt.documentedName(), lhs);
        }
        if (rt != ValueType.SCALAR && rt != ValueType.INSTANT_VECTOR) {
            throw fail("binary expression must contain only scalar and instant vector types, got "
                + rt.documentedName(), rhs);
        }
        boolean comparison = isComparisonOperator(op);
        boolean setOp = isSetOperator(op);
        if (comparison && !m.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw fail("comparisons between scalars must use BOOL modifier", opToken.start(), opToken.end());
        }
        if (m.on()) {
            for (String label : m.include()) {
                if (m.labels().contains(label)) {
                    throw fail("label \"" + label + "\" must not occur in ON and GROUP clause at once",
                        opToken.start(), opToken.end());
                }
            }
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && setOp) {
            throw fail("set operator \"" + op + "\" not allowed in binary scalar expression", start, end);
        }
        VectorMatching matching = null;
        if (lt == ValueType.INSTANT_VECTOR && rt == ValueType.INSTANT_VECTOR) {
            Cardinality card = m.card();
            if (setOp) {
                if (card == Cardinality.MANY_TO_ONE || card == Cardinality.ONE_TO_MANY) {
                    throw fail("no grouping allowed for \"" + op + "\" operation", start, end);
                }
                card = Cardinality.MANY_TO_MANY;
            }
            matching = new VectorMatching(card, m.labels(), m.on(), m.include());
        } else if (!m.labels().isEmpty()) {
            throw fail("vector matching only allowed between instant vectors", start, end);
        }
        ValueType type = lt == ValueType.SCALAR && rt == ValueType.SCALAR ? ValueType.SCALAR : ValueType.INSTANT_VECTOR;
        return new BinaryExpr(op, lhs, rhs, m.returnBool(), matching, type, start, end);
    }

    private PromQlExpr parseUnary() {
        Token t = peek();
        if (t.isOperator("+") || t.isOperator("-")) {
            advance();
            enter(t);
            PromQlExpr operand = parseBinary(POW_PRECEDENCE);
            leave();
            if (operand instanceof NumberLiteral n) {
                // Prometheus folds the sign into number literals.
                return new NumberLiteral(t.text().equals("-") ? -n.value() : n.value(), t.start(), n.end());
            }
            ValueType type = operand.type();
            if (type != ValueType.SCALAR && type != ValueType.INSTANT_VECTOR) {
                throw fail("unary expression only allowed on expressions of type scalar or instant vector, got \""
                    + type.documentedName() + "\"", t.start(), operand.end());
            }
            return new UnaryExpr(t.text(), operand, t.start(), operand.end());
        }
        return parsePostfix(parsePrimary());
    }

    private PromQlExpr parsePrimary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                advance();
                return new NumberLiteral(t.number(), t.start(), t.end());
            case DURATION: {
                // Recent Prometheus versions accept a duration where a number is expected (as seconds).
                advance();
                return new NumberLiteral(durationOf(t).toMillis() / 1000.0, t.start(), t.end());
            }
            case STRING:
                advance();
                return new StringLiteral(t.value(), t.start(), t.end());
            case LEFT_PAREN: {
                advance();
                enter(t);
                PromQlExpr inner = parseExpr();
                Token close = closeParen(t, "paren expression");
                leave();
                return new ParenExpr(inner, t.start(), close.end());
            }
            case LEFT_BRACE:
                return parseVectorSelector(null);
            case IDENTIFIER:
                if (peekSecond().is(Kind.LEFT_PAREN)) {
                    return parseCall();
                }
                advance();
                return parseVectorSelector(t);
            case METRIC_IDENTIFIER:
                advance();
                return parseVectorSelector(t);
            case KEYWORD: {
                String word = t.value();
                if (AGGREGATORS.contains(word)) {
                    Token next = peekSecond();
                    if (next.is(Kind.LEFT_PAREN) || next.isKeyword("by") || next.isKeyword("without")) {
                        return parseAggregation();
                    }
                }
                if (METRIC_NAME_KEYWORDS.contains(word)) {
                    advance();
                    return parseVectorSelector(t);
                }
                throw unexpected(t, null, null);
            }
            case RIGHT_PAREN:
                throw fail("unexpected right parenthesis ')'", t.start(), t.end());
            case EOF:
                throw fail("unexpected end of input", t.start(), t.end());
            default:
                throw unexpected(t, null, null);
        }
    }

    // ---------------------------------------------------------------- selectors

    private VectorSelector parseVectorSelector(Token nameToken) {
        String name = nameToken == null ? null : nameToken.text();
        int start = nameToken == null ? peek().start() : nameToken.start();
        int end = nameToken == null ? start : nameToken.end();
        List<LabelMatcher> matchers = new ArrayList<>();
        if (peek().is(Kind.LEFT_BRACE)) {
            advance();
            while (!peek().is(Kind.RIGHT_BRACE)) {
                matchers.add(parseLabelMatcher());
                if (peek().is(Kind.COMMA)) {
                    advance();
                } else if (!peek().is(Kind.RIGHT_BRACE)) {
                    throw unexpected(peek(), "label matching", "\",\" or \"}\"");
                }
            }
            end = advance().end();
        }
        if (name != null) {
            for (LabelMatcher m : matchers) {
                if (m.name().equals(LabelMatcher.METRIC_NAME_LABEL)) {
                    throw fail("metric name must not be set twice: \"" + name + "\" or \"" + m.value() + "\"",
                        start, end);
                }
            }
        } else if (matchers.stream().allMatch(LabelMatcher::matchesEmpty) && !allowEmptySelector) {
            throw fail("vector selector must contain at least one non-empty matcher", start, end);
        }
        allowEmptySelector = false;
        return new VectorSelector(name, matchers, Duration.ZERO, null, start, end);
    }

    /**
     * Set while parsing the second argument of {@code info()}, whose label selector is exempt from
     * the non-empty matcher rule in Prometheus.
     */
    private boolean allowEmptySelector;

    private LabelMatcher parseLabelMatcher() {
        Token nameToken = peek();
        if (!nameToken.is(Kind.IDENTIFIER) && !nameToken.is(Kind.STRING)) {
            throw unexpected(nameToken, "label matching", "identifier or \"}\"");
        }
        advance();
        Token opToken = peek();
        if (nameToken.is(Kind.STRING) && (opToken.is(Kind.COMMA) || opToken.is(Kind.RIGHT_BRACE))) {
            // Prometheus 3 allows a quoted metric name on its own: {"my.metric", job="x"}.
            return new LabelMatcher(LabelMatcher.METRIC_NAME_LABEL, LabelMatcher.MatchType.EQUAL, nameToken.value());
        }
        LabelMatcher.MatchType type = opToken.is(Kind.OPERATOR) ? LabelMatcher.MatchType.fromSymbol(opToken.text()) : null;
        if (type == null) {
            throw unexpected(opToken, "label matching", "label matching operator");
        }
        advance();
        Token value = peek();
        if (!value.is(Kind.STRING)) {
            throw unexpected(value, "label matching", "string");
        }
        advance();
        if (type == LabelMatcher.MatchType.REGEX || type == LabelMatcher.MatchType.NOT_REGEX) {
            checkRegex(value);
        }
        return new LabelMatcher(nameToken.value(), type, value.value());
    }

    /**
     * Rejects regex syntax that Prometheus' RE2 engine refuses but Java would accept (lookaround,
     * backreferences), so that such matchers are not silently considered valid.
     */
    private static void checkRegex(Token value) {
        String re = value.value();
        for (int i = 0; i + 1 < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                char n = re.charAt(i + 1);
                if (n >= '1' && n <= '9') {
                    throw fail("error parsing regexp: invalid escape sequence: `\\" + n + "`", value.start(), value.end());
                }
                i++;
            } else if (c == '(' && re.charAt(i + 1) == '?' && i + 2 < re.length()) {
                char k = re.charAt(i + 2);
                boolean lookbehind = k == '<' && i + 3 < re.length() && (re.charAt(i + 3) == '=' || re.charAt(i + 3) == '!');
                if (k == '=' || k == '!' || lookbehind) {
                    throw fail("error parsing regexp: invalid or unsupported Perl syntax: `(?" + k + "`",
                        value.start(), value.end());
                }
            }
        }
    }

    /** Handles the postfix forms that bind tightest: {@code [range]}, {@code [range:step]}, offset and @. */
    private PromQlExpr parsePostfix(PromQlExpr expr) {
        PromQlExpr current = expr;
        while (true) {
            Token t = peek();
            if (t.is(Kind.LEFT_BRACKET)) {
                current = parseRangeOrSubquery(current);
            } else if (t.isKeyword("offset")) {
                current = parseOffset(current);
            } else if (t.is(Kind.AT)) {
                current = parseAt(current);
            } else {
                return current;
            }
        }
    }

    private PromQlExpr parseRangeOrSubquery(PromQlExpr expr) {
        Token open = advance();
        Token rangeToken = peek();
        if (!rangeToken.is(Kind.DURATION) && !rangeToken.is(Kind.NUMBER)) {
            throw unexpected(rangeToken, "subquery selector", "duration");
        }
        advance();
        Duration range = durationOf(rangeToken);
        Token t = peek();
        if (t.is(Kind.RIGHT_BRACKET)) {
            advance();
            if (!(expr instanceof VectorSelector vs)) {
                throw fail("ranges only allowed for vector selectors", open.start(), t.end());
            }
            if (!vs.offset().isZero()) {
                throw fail("no offset modifiers allowed before range", open.start(), t.end());
            }
            if (vs.at() != null) {
                throw fail("no @ modifiers allowed before range", open.start(), t.end());
            }
            return new MatrixSelector(vs, range, vs.start(), t.end());
        }
        if (!t.is(Kind.COLON)) {
            throw unexpected(t, "subquery or range", "\":\" or \"]\"");
        }
        advance();
        Duration step = null;
        Token stepToken = peek();
        if (stepToken.is(Kind.DURATION) || stepToken.is(Kind.NUMBER)) {
            advance();
            step = durationOf(stepToken);
        } else if (!stepToken.is(Kind.RIGHT_BRACKET)) {
            throw unexpected(stepToken, "subquery selector", "duration or \"]\"");
        }
        Token close = expect(Kind.RIGHT_BRACKET, "subquery selector", "\"]\"");
        if (expr.type() != ValueType.INSTANT_VECTOR) {
            throw fail("subquery is only allowed on instant vector, got " + expr.type().documentedName() + " instead",
                expr.start(), close.end());
        }
        return new Subquery(expr, range, step, Duration.ZERO, null, expr.start(), close.end());
    }

    private Duration durationOf(Token t) {
        if (t.is(Kind.NUMBER)) {
            double seconds = t.number();
            if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0
                || seconds * 1000 > (double) (Long.MAX_VALUE / 1_000_000L)) {
                throw fail("invalid duration \"" + t.text() + "\"", t.start(), t.end());
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
        PromDuration.Outcome outcome = PromDuration.parseDetailed(t.text());
        if (outcome.error() != null) {
            throw fail(outcome.error(), t.start(), t.end());
        }
        return Duration.ofMillis(outcome.millis());
    }

    private PromQlExpr parseOffset(PromQlExpr expr) {
        Token offsetToken = advance();
        boolean negative = false;
        if (peek().isOperator("-")) {
            advance();
            negative = true;
        }
        Token d = peek();
        if (!d.is(Kind.DURATION) && !d.is(Kind.NUMBER)) {
            throw unexpected(d, "offset", "duration");
        }
        advance();
        Duration offset = durationOf(d);
        if (negative) {
            offset = offset.negated();
        }
        int end = d.end();
        String notAllowed = "offset modifier must be preceded by an instant vector selector or range vector "
            + "selector or a subquery";
        String twice = "offset may not be set multiple times";
        if (expr instanceof VectorSelector vs) {
            if (!vs.offset().isZero()) {
                throw fail(twice, vs.start(), end);
            }
            return new VectorSelector(vs.metricName(), vs.matchers(), offset, vs.at(), vs.start(), end);
        }
        if (expr instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            if (!vs.offset().isZero()) {
                throw fail(twice, ms.start(), end);
            }
            VectorSelector moved = new VectorSelector(vs.metricName(), vs.matchers(), offset, vs.at(),
                vs.start(), vs.end());
            return new MatrixSelector(moved, ms.range(), ms.start(), end);
        }
        if (expr instanceof Subquery sq) {
            if (!sq.offset().isZero()) {
                throw fail(twice, sq.start(), end);
            }
            return new Subquery(sq.expr(), sq.range(), sq.step(), offset, sq.at(), sq.start(), end);
        }
        throw fail(notAllowed, expr.start(), offsetToken.end());
    }

    private PromQlExpr parseAt(PromQlExpr expr) {
        Token atToken = advance();
        AtModifier at;
        int end;
        Token t = peek();
        if (t.isKeyword("start") || t.isKeyword("end")) {
            advance();
            expect(Kind.LEFT_PAREN, "@", "\"(\"");
            end = expect(Kind.RIGHT_PAREN, "@", "\")\"").end();
            at = new AtModifier(t.value().equals("start") ? AtModifier.Kind.START : AtModifier.Kind.END, 0);
        } else {
            boolean negative = false;
            if (t.isOperator("-") || t.isOperator("+")) {
                negative = t.text().equals("-");
                advance();
            }
            Token number = peek();
            if (!number.is(Kind.NUMBER)) {
                throw unexpected(number, "@", "timestamp");
            }
            advance();
            double ts = negative ? -number.number() : number.number();
            if (Double.isNaN(ts) || Double.isInfinite(ts) || ts >= (double) Long.MAX_VALUE
                || ts <= (double) Long.MIN_VALUE) {
                throw fail("timestamp out of bounds for @ modifier: " + ts, t.start(), number.end());
            }
            at = AtModifier.timestamp(ts);
            end = number.end();
        }
        String twice = "@ <timestamp> may not be set multiple times";
        if (expr instanceof VectorSelector vs) {
            if (vs.at() != null) {
                throw fail(twice, vs.start(), end);
            }
            return new VectorSelector(vs.metricName(), vs.matchers(), vs.offset(), at, vs.start(), end);
        }
        if (expr instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            if (vs.at() != null) {
                throw fail(twice, ms.start(), end);
            }
            VectorSelector moved = new VectorSelector(vs.metricName(), vs.matchers(), vs.offset(), at,
                vs.start(), vs.end());
            return new MatrixSelector(moved, ms.range(), ms.start(), end);
        }
        if (expr instanceof Subquery sq) {
            if (sq.at() != null) {
                throw fail(twice, sq.start(), end);
            }
            return new Subquery(sq.expr(), sq.range(), sq.step(), sq.offset(), at, sq.start(), end);
        }
        throw fail("@ modifier must be preceded by an instant vector selector or range vector selector or a subquery",
            expr.start(), atToken.end());
    }

    // ---------------------------------------------------------------- calls and aggregations

    /** Label list of by/without/on/ignoring/group_x; keywords are valid label names here. */
    private List<String> parseGroupingLabels() {
        Token open = peek();
        if (!open.is(Kind.LEFT_PAREN)) {
            throw unexpected(open, "grouping opts", "\"(\"");
        }
        advance();
        List<String> labels = new ArrayList<>();
        while (!peek().is(Kind.RIGHT_PAREN)) {
            Token label = peek();
            if (label.is(Kind.IDENTIFIER) || label.is(Kind.KEYWORD)) {
                labels.add(label.text());
            } else if (label.is(Kind.STRING)) {
                labels.add(label.value());
            } else if (label.is(Kind.EOF)) {
                throw fail("unclosed left parenthesis", open.start(), open.end());
            } else {
                throw unexpected(label, "grouping opts", "label");
            }
            advance();
            if (peek().is(Kind.COMMA)) {
                advance();
            } else if (!peek().is(Kind.RIGHT_PAREN)) {
                if (peek().is(Kind.EOF)) {
                    throw fail("unclosed left parenthesis", open.start(), open.end());
                }
                throw unexpected(peek(), "grouping opts", "\",\" or \")\"");
            }
        }
        advance();
        return labels;
    }

    /** Arguments of a call or aggregation and the end offset of the closing parenthesis. */
    private record Arguments(List<PromQlExpr> args, int end) {
    }

    /** Parses {@code ( expr, expr, ... )}. */
    private Arguments parseArguments(String context, String function) {
        Token open = peek();
        if (!open.is(Kind.LEFT_PAREN)) {
            throw unexpected(open, context, "\"(\"");
        }
        advance();
        enter(open);
        List<PromQlExpr> args = new ArrayList<>();
        if (!peek().is(Kind.RIGHT_PAREN)) {
            while (true) {
                if ("info".equals(function) && args.size() == 1) {
                    allowEmptySelector = true;
                }
                args.add(parseExpr());
                allowEmptySelector = false;
                Token t = peek();
                if (t.is(Kind.COMMA)) {
                    advance();
                    if (peek().is(Kind.RIGHT_PAREN)) {
                        throw fail("trailing commas not allowed in function call args", t.start(), t.end());
                    }
                } else {
                    break;
                }
            }
        }
        Token close = closeParen(open, context);
        leave();
        return new Arguments(args, close.end());
    }

    private PromQlExpr parseCall() {
        Token name = advance();
        var signature = PromQlFunctions.lookup(name.text());
        if (signature.isEmpty()) {
            throw fail("unknown function with name \"" + name.text() + "\"", name.start(), name.end());
        }
        var sig = signature.get();
        Arguments parsed = parseArguments("function call", name.text());
        List<PromQlExpr> args = parsed.args();
        Call call = new Call(name.text(), args, name.start(), parsed.end());
        int n = args.size();
        if (sig.variadic() == 0 && n != sig.minArgs()) {
            throw fail("expected " + sig.minArgs() + " argument(s) in call to \"" + sig.name() + "\", got " + n, call);
        }
        if (n < sig.minArgs()) {
            throw fail("expected at least " + sig.minArgs() + " argument(s) in call to \"" + sig.name() + "\", got " + n,
                call);
        }
        if (sig.maxArgs() >= 0 && n > sig.maxArgs()) {
            throw fail("expected at most " + sig.maxArgs() + " argument(s) in call to \"" + sig.name() + "\", got " + n,
                call);
        }
        if (sig.name().equals("info") && n > 1) {
            PromQlExpr selector = args.get(1);
            if (!(selector instanceof VectorSelector vs)) {
                throw fail("expected label selectors only", selector);
            }
            if (vs.metricName() != null) {
                throw fail("expected label selectors only, got vector selector instead", selector);
            }
        }
        for (int i = 0; i < n; i++) {
            ValueType want = sig.argType(i);
            ValueType got = args.get(i).type();
            if (want != got) {
                throw fail("expected type " + want.documentedName() + " in call to function \"" + sig.name()
                    + "\", got " + got.documentedName(), args.get(i));
            }
        }
        return call;
    }

    private PromQlExpr parseAggregation() {
        Token opToken = advance();
        String op = opToken.value();
        List<String> grouping = List.of();
        boolean without = false;
        boolean grouped = false;
        if (peek().isKeyword("by") || peek().isKeyword("without")) {
            without = advance().value().equals("without");
            grouping = parseGroupingLabels();
            grouped = true;
        }
        Arguments parsed = parseArguments("aggregation", null);
        List<PromQlExpr> args = parsed.args();
        int end = parsed.end();
        if (!grouped && (peek().isKeyword("by") || peek().isKeyword("without"))) {
            without = advance().value().equals("without");
            grouping = parseGroupingLabels();
            end = tokens.get(index - 1).end(); // the ')' closing the label list
        }
        if (args.isEmpty()) {
            throw fail("no arguments for aggregate expression provided", opToken.start(), end);
        }
        int desired = PARAMETERISED_AGGREGATORS.contains(op) ? 2 : 1;
        if (args.size() != desired) {
            throw fail("wrong number of arguments for aggregate expression provided, expected " + desired
                + ", got " + args.size(), opToken.start(), end);
        }
        PromQlExpr param = desired == 2 ? args.get(0) : null;
        PromQlExpr inner = args.get(desired - 1);
        if (inner.type() != ValueType.INSTANT_VECTOR) {
            throw fail("expected type instant vector in aggregation expression, got " + inner.type().documentedName(),
                inner);
        }
        if (param != null) {
            ValueType want = op.equals("count_values") ? ValueType.STRING : ValueType.SCALAR;
            if (param.type() != want) {
                throw fail("expected type " + want.documentedName() + " in aggregation parameter, got "
                    + param.type().documentedName(), param);
            }
        }
        return new AggregateExpr(op, grouping, without, param, inner, opToken.start(), end);
    }
}
