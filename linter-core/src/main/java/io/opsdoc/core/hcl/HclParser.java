package io.opsdoc.core.hcl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for HCL native syntax (the HashiCorp HCL2 "hclsyntax" language).
 * It builds a syntax tree and never evaluates. Parsing stops at the first error; the returned body
 * then holds the top-level items that were complete before it.
 */
public final class HclParser {

    /** Maximum nesting of brackets, blocks, templates and unary operators before we give up. */
    public static final int MAX_NESTING_DEPTH = 512;

    private static final String INVALID_EXPRESSION =
            "Invalid expression; Expected the start of an expression, but found an invalid expression token.";
    private static final String ARG_OR_BLOCK_REQUIRED =
            "Argument or block definition required; An argument or block definition is required here.";

    private final String text;
    private final HclScanner scanner;
    private final List<HclBodyItem> topLevelItems = new ArrayList<>();
    private int pos;
    private boolean newlines = true;
    private int depth;

    // One-token lookahead cache, keyed by position and newline mode.
    private int cachedPos = -1;
    private boolean cachedNewlines;
    private HclToken cachedToken;

    private HclParser(String text) {
        this.text = text;
        this.scanner = new HclScanner(text);
    }

    /** Parses a whole HCL file body. Never throws; problems are reported in the result's errors. */
    public static HclParseResult parse(String text) {
        String source = text == null ? "" : text;
        HclParser parser = new HclParser(source);
        try {
            HclBody body = parser.parseFile();
            return new HclParseResult(body, List.of());
        } catch (HclSyntaxException e) {
            return parser.failedResult(e.diagnostic());
        } catch (StackOverflowError e) {
            // Safety net only: the depth limit should always trigger first.
            return parser.failedResult(parser.diagnostic("Nesting too deep; The input is nested too deeply to parse.",
                    parser.pos, parser.pos));
        } catch (RuntimeException e) {
            return parser.failedResult(parser.diagnostic("Internal parser error; " + e, parser.pos, parser.pos));
        }
    }

    private HclParseResult failedResult(HclDiagnostic diagnostic) {
        HclBody partial = new HclBody(topLevelItems, scanner.range(0, text.length()));
        return new HclParseResult(partial, List.of(diagnostic));
    }

    // ---------------------------------------------------------------- tokens and errors

    private HclToken peek() {
        if (cachedPos != pos || cachedNewlines != newlines || cachedToken == null) {
            cachedToken = scanner.scan(pos, newlines);
            cachedPos = pos;
            cachedNewlines = newlines;
        }
        return cachedToken;
    }

    private HclToken next() {
        HclToken token = peek();
        pos = token.end();
        return token;
    }

    private String textOf(HclToken token) {
        return text.substring(token.start(), token.end());
    }

    private boolean isKeyword(HclToken token, String keyword) {
        return token.kind() == HclTokenKind.IDENT && text.startsWith(keyword, token.start())
                && token.end() - token.start() == keyword.length();
    }

    private HclRange range(int start, int end) {
        return scanner.range(start, end);
    }

    private HclDiagnostic diagnostic(String message, int start, int end) {
        return new HclDiagnostic(message, scanner.pos(start), scanner.pos(end));
    }

    private HclSyntaxException error(String message, int start, int end) {
        return new HclSyntaxException(diagnostic(message, start, end));
    }

    private HclSyntaxException error(String message, HclToken token) {
        return error(message, token.start(), token.end());
    }

    private void enter() {
        if (++depth > MAX_NESTING_DEPTH) {
            throw error("Nesting too deep; Brackets, blocks, templates or operators are nested more than "
                    + MAX_NESTING_DEPTH + " levels deep.", pos, Math.min(pos + 1, text.length()));
        }
    }

    private void leave() {
        depth--;
    }

    private HclToken expect(HclTokenKind kind, String message) {
        HclToken token = peek();
        if (token.kind() != kind) {
            throw error(message, token);
        }
        return next();
    }

    // ---------------------------------------------------------------- bodies

    private HclBody parseFile() {
        parseBodyItems(-1, topLevelItems);
        return new HclBody(topLevelItems, range(0, text.length()));
    }

    /**
     * Parses body items until EOF (top level, {@code openBrace < 0}) or a closing brace, which is
     * left unconsumed for the caller.
     */
    private void parseBodyItems(int openBrace, List<HclBodyItem> items) {
        newlines = true;
        Map<String, HclAttribute> attributes = new HashMap<>();
        while (true) {
            HclToken token = peek();
            switch (token.kind()) {
                case NEWLINE -> next();
                case EOF -> {
                    if (openBrace >= 0) {
                        throw error("Unclosed configuration block; There is no closing brace for this block before "
                                + "the end of the file. This may be caused by incorrect brace nesting elsewhere in "
                                + "this file.", openBrace, openBrace + 1);
                    }
                    return;
                }
                case RBRACE -> {
                    if (openBrace < 0) {
                        throw error(ARG_OR_BLOCK_REQUIRED, token);
                    }
                    return;
                }
                case IDENT -> {
                    HclBodyItem item = parseBodyItem();
                    if (item instanceof HclAttribute attribute) {
                        HclAttribute previous = attributes.putIfAbsent(attribute.name(), attribute);
                        if (previous != null) {
                            HclPos at = previous.nameRange().start();
                            throw error("Attribute redefined; The argument \"" + attribute.name()
                                    + "\" was already set at " + (at.line() + 1) + ":" + (at.column() + 1)
                                    + ". Each argument may be set only once.",
                                    attribute.nameRange().start().offset(), attribute.nameRange().end().offset());
                        }
                        expectItemEnd("Missing newline after argument; An argument definition must end with a newline.");
                    } else {
                        expectItemEnd("Missing newline after block definition; A block definition must end with a "
                                + "newline.");
                    }
                    items.add(item);
                }
                case QUOTE -> throw quotedNameError(token);
                default -> throw error(ARG_OR_BLOCK_REQUIRED, token);
            }
        }
    }

    private void expectItemEnd(String message) {
        HclToken token = peek();
        if (token.kind() == HclTokenKind.NEWLINE) {
            next();
        } else if (token.kind() != HclTokenKind.EOF) {
            throw error(message, token);
        }
    }

    /** A quoted name at the start of a body item: HCL1 style {@code "name" = value} gets a specific message. */
    private HclSyntaxException quotedNameError(HclToken quote) {
        try {
            next();
            parseQuotedTemplate(quote);
            if (peek().kind() == HclTokenKind.EQUALS) {
                return error("Invalid argument name; Argument names must not be quoted.", quote.start(),
                        quote.start() + 1);
            }
        } catch (HclSyntaxException e) {
            // Fall through to the generic message for the quote itself.
        }
        return error(ARG_OR_BLOCK_REQUIRED, quote);
    }

    private HclBodyItem parseBodyItem() {
        HclToken name = next();
        HclToken after = peek();
        switch (after.kind()) {
            case EQUALS -> {
                next();
                HclExpr value = parseExpression();
                return new HclAttribute(textOf(name), range(name.start(), name.end()), value,
                        range(name.start(), value.range().end().offset()));
            }
            case QUOTE, IDENT, LBRACE -> {
                return parseBlock(name);
            }
            default -> throw error("Argument or block definition required; An argument or block definition is "
                    + "required here. To set an argument, use the equals sign \"=\" to introduce the argument value.",
                    name);
        }
    }

    private HclBlock parseBlock(HclToken typeToken) {
        List<HclLabel> labels = new ArrayList<>();
        while (true) {
            HclToken token = peek();
            if (token.kind() == HclTokenKind.IDENT) {
                next();
                labels.add(new HclLabel(textOf(token), range(token.start(), token.end())));
            } else if (token.kind() == HclTokenKind.QUOTE) {
                next();
                HclExpr.Template label = parseQuotedTemplate(token);
                String value = label.literalString().orElseThrow(() -> error("Invalid string literal; Template "
                        + "sequences are not allowed in this string. To include a literal \"$\", double it (as "
                        + "\"$$\") to escape it.", label.range().start().offset(), label.range().end().offset()));
                labels.add(new HclLabel(value, label.range()));
            } else {
                break;
            }
        }
        HclToken open = peek();
        if (open.kind() == HclTokenKind.NEWLINE || open.kind() == HclTokenKind.EOF) {
            throw error("Invalid block definition; A block definition must have block content delimited by \"{\" "
                    + "and \"}\", starting on the same line as the block header.", open);
        }
        if (open.kind() != HclTokenKind.LBRACE) {
            throw error("Invalid block definition; Either a quoted string block label or an opening brace (\"{\") "
                    + "is expected here.", open);
        }
        next();
        enter();
        List<HclBodyItem> items = new ArrayList<>();
        HclToken first = peek();
        if (first.kind() == HclTokenKind.NEWLINE) {
            parseBodyItems(open.start(), items);
        } else if (first.kind() != HclTokenKind.RBRACE) {
            parseSingleLineBlockContent(open, first, items);
        }
        HclToken close = next();
        newlines = true;
        leave();
        HclBody body = new HclBody(items, range(open.start(), close.end()));
        return new HclBlock(textOf(typeToken), range(typeToken.start(), typeToken.end()), labels, body,
                range(typeToken.start(), close.end()));
    }

    /** {@code name { arg = value }} on one line: exactly one argument, then the closing brace. */
    private void parseSingleLineBlockContent(HclToken open, HclToken first, List<HclBodyItem> items) {
        if (first.kind() == HclTokenKind.EOF) {
            throw error("Unclosed configuration block; There is no closing brace for this block before the end of "
                    + "the file.", open.start(), open.end());
        }
        if (first.kind() != HclTokenKind.IDENT) {
            throw error(ARG_OR_BLOCK_REQUIRED, first);
        }
        HclBodyItem item = parseBodyItem();
        if (item instanceof HclBlock) {
            throw error("Invalid single-argument block definition; A single-line block definition can contain only "
                    + "a single argument. If you meant to define a nested block, place it on a separate line.",
                    item.range().start().offset(), item.range().end().offset());
        }
        items.add(item);
        newlines = true;
        HclToken close = peek();
        if (close.kind() != HclTokenKind.RBRACE) {
            throw error("Invalid single-argument block definition; A single-line block definition must end with a "
                    + "closing brace immediately after its single argument definition.", close);
        }
    }

    // ---------------------------------------------------------------- expressions

    private HclExpr parseExpression() {
        enter();
        HclExpr condition = parseBinary(1);
        HclExpr result = condition;
        if (peek().kind() == HclTokenKind.QUESTION) {
            next();
            HclExpr trueResult = parseExpression();
            expect(HclTokenKind.COLON, "Missing false expression in conditional; The conditional operator "
                    + "(...?...:...) requires a false expression, delimited by a colon.");
            HclExpr falseResult = parseExpression();
            result = new HclExpr.Conditional(condition, trueResult, falseResult,
                    range(condition.range().start().offset(), falseResult.range().end().offset()));
        }
        leave();
        return result;
    }

    private static HclOperator binaryOperator(HclTokenKind kind) {
        return switch (kind) {
            case OR -> HclOperator.OR;
            case AND -> HclOperator.AND;
            case EQ -> HclOperator.EQUAL;
            case NEQ -> HclOperator.NOT_EQUAL;
            case LT -> HclOperator.LESS_THAN;
            case GT -> HclOperator.GREATER_THAN;
            case LE -> HclOperator.LESS_THAN_OR_EQUAL;
            case GE -> HclOperator.GREATER_THAN_OR_EQUAL;
            case PLUS -> HclOperator.ADD;
            case MINUS -> HclOperator.SUBTRACT;
            case STAR -> HclOperator.MULTIPLY;
            case SLASH -> HclOperator.DIVIDE;
            case PERCENT -> HclOperator.MODULO;
            default -> null;
        };
    }

    /** Precedence climbing; left-associative chains of one level are handled by the loop, not recursion. */
    private HclExpr parseBinary(int minPrecedence) {
        HclExpr left = parseUnary();
        while (true) {
            HclOperator op = binaryOperator(peek().kind());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            next();
            HclExpr right = parseBinary(op.precedence() + 1);
            left = new HclExpr.Binary(op, left, right,
                    range(left.range().start().offset(), right.range().end().offset()));
        }
    }

    private HclExpr parseUnary() {
        HclToken token = peek();
        if (token.kind() == HclTokenKind.BANG || token.kind() == HclTokenKind.MINUS) {
            next();
            enter();
            HclExpr operand = parseUnary();
            leave();
            HclOperator op = token.kind() == HclTokenKind.BANG ? HclOperator.NOT : HclOperator.NEGATE;
            return new HclExpr.Unary(op, operand, range(token.start(), operand.range().end().offset()));
        }
        return parsePostfix(parsePrimary());
    }

    private HclExpr parsePrimary() {
        HclToken token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                next();
                return new HclExpr.Literal(HclExpr.LiteralKind.NUMBER, textOf(token), range(token.start(), token.end()));
            }
            case IDENT -> {
                return parseIdentifierTerm();
            }
            case QUOTE -> {
                next();
                return parseQuotedTemplate(token);
            }
            case HEREDOC -> {
                next();
                return parseHeredoc(token);
            }
            case LPAREN -> {
                return parseParens();
            }
            case LBRACK -> {
                return parseTuple();
            }
            case LBRACE -> {
                return parseObject();
            }
            default -> throw error(INVALID_EXPRESSION, token);
        }
    }

    private HclExpr parseIdentifierTerm() {
        HclToken token = next();
        String name = textOf(token);
        HclToken after = peek();
        if (after.kind() == HclTokenKind.LPAREN || after.kind() == HclTokenKind.DOUBLE_COLON) {
            return parseFunctionCall(token);
        }
        HclRange r = range(token.start(), token.end());
        return switch (name) {
            case "true", "false" -> new HclExpr.Literal(HclExpr.LiteralKind.BOOL, name, r);
            case "null" -> new HclExpr.Literal(HclExpr.LiteralKind.NULL, name, r);
            default -> new HclExpr.Traversal(name, List.of(), r);
        };
    }

    private HclExpr parseFunctionCall(HclToken nameToken) {
        StringBuilder name = new StringBuilder(textOf(nameToken));
        int nameEnd = nameToken.end();
        while (peek().kind() == HclTokenKind.DOUBLE_COLON) {
            next();
            HclToken part = expect(HclTokenKind.IDENT, "Missing function name; A function name is required after "
                    + "\"::\".");
            name.append("::").append(textOf(part));
            nameEnd = part.end();
        }
        expect(HclTokenKind.LPAREN, "Missing function call; A namespaced function name must be followed by an "
                + "argument list in parentheses.");
        boolean saved = newlines;
        newlines = false;
        List<HclExpr> args = new ArrayList<>();
        boolean expandFinal = false;
        HclToken close;
        if (peek().kind() == HclTokenKind.RPAREN) {
            close = next();
        } else {
            while (true) {
                args.add(parseExpression());
                HclToken token = peek();
                if (token.kind() == HclTokenKind.ELLIPSIS) {
                    next();
                    expandFinal = true;
                    close = expect(HclTokenKind.RPAREN, "Missing closing parenthesis; An expanded function argument "
                            + "(with \"...\") must be immediately followed by closing parentheses.");
                    break;
                }
                if (token.kind() == HclTokenKind.RPAREN) {
                    close = next();
                    break;
                }
                if (token.kind() != HclTokenKind.COMMA) {
                    throw error("Missing argument separator; A comma is required to separate each function argument "
                            + "from the next.", token);
                }
                next();
                if (peek().kind() == HclTokenKind.RPAREN) {
                    close = next();
                    break;
                }
            }
        }
        newlines = saved;
        return new HclExpr.FunctionCall(name.toString(), range(nameToken.start(), nameEnd), args, expandFinal,
                range(nameToken.start(), close.end()));
    }

    private HclExpr parseParens() {
        HclToken open = next();
        boolean saved = newlines;
        newlines = false;
        HclExpr inner = parseExpression();
        HclToken close = expect(HclTokenKind.RPAREN, "Unbalanced parentheses; Expected a closing parenthesis to "
                + "terminate the expression.");
        newlines = saved;
        return new HclExpr.Parens(inner, range(open.start(), close.end()));
    }

    /** True when the tokens at the current position are {@code for <identifier>}. */
    private boolean atForKeyword() {
        HclToken token = peek();
        if (!isKeyword(token, "for")) {
            return false;
        }
        int saved = pos;
        next();
        boolean result = peek().kind() == HclTokenKind.IDENT;
        pos = saved;
        return result;
    }

    private HclExpr parseTuple() {
        HclToken open = next();
        boolean saved = newlines;
        newlines = false;
        if (atForKeyword()) {
            HclExpr result = parseForExpression(open, false);
            newlines = saved;
            return result;
        }
        List<HclExpr> items = new ArrayList<>();
        HclToken close;
        while (true) {
            if (peek().kind() == HclTokenKind.RBRACK) {
                close = next();
                break;
            }
            items.add(parseExpression());
            HclToken token = peek();
            if (token.kind() == HclTokenKind.COMMA) {
                next();
            } else if (token.kind() == HclTokenKind.RBRACK) {
                close = next();
                break;
            } else {
                throw error("Missing item separator; Expected a comma to mark the beginning of the next item.", token);
            }
        }
        newlines = saved;
        return new HclExpr.Tuple(items, range(open.start(), close.end()));
    }

    private HclExpr parseObject() {
        HclToken open = next();
        boolean saved = newlines;
        newlines = false;
        if (atForKeyword()) {
            HclExpr result = parseForExpression(open, true);
            newlines = saved;
            return result;
        }
        // Object items are newline-separated, so newlines matter again inside the braces.
        newlines = true;
        List<HclExpr.ObjectItem> items = new ArrayList<>();
        HclToken close;
        while (true) {
            HclToken token = peek();
            if (token.kind() == HclTokenKind.NEWLINE) {
                next();
                continue;
            }
            if (token.kind() == HclTokenKind.RBRACE) {
                close = next();
                break;
            }
            if (token.kind() == HclTokenKind.EOF) {
                throw error("Unterminated object constructor expression; There is no corresponding closing brace "
                        + "before the end of the file.", open);
            }
            HclExpr key = parseExpression();
            HclToken separator = peek();
            if (separator.kind() != HclTokenKind.EQUALS && separator.kind() != HclTokenKind.COLON) {
                throw error("Missing key/value separator; Expected an equals sign (\"=\") to mark the beginning of "
                        + "the attribute value.", separator);
            }
            next();
            HclExpr value = parseExpression();
            items.add(new HclExpr.ObjectItem(key, value,
                    range(key.range().start().offset(), value.range().end().offset())));
            HclToken after = peek();
            if (after.kind() == HclTokenKind.RBRACE) {
                close = next();
                break;
            }
            if (after.kind() != HclTokenKind.COMMA && after.kind() != HclTokenKind.NEWLINE) {
                throw error("Missing attribute separator; Expected a newline or comma to mark the beginning of the "
                        + "next attribute.", after);
            }
            next();
        }
        newlines = saved;
        return new HclExpr.ObjectCons(items, range(open.start(), close.end()));
    }

    private String expectForVariable() {
        HclToken token = expect(HclTokenKind.IDENT, "Invalid 'for' expression; For expression requires a variable "
                + "name here.");
        return textOf(token);
    }

    /** Parses the rest of {@code [for ...]} / {@code {for ...}} after the opening bracket; newlines are off. */
    private HclExpr parseForExpression(HclToken open, boolean objectResult) {
        next(); // the "for" keyword
        String first = expectForVariable();
        String keyVar = null;
        String valueVar = first;
        if (peek().kind() == HclTokenKind.COMMA) {
            next();
            keyVar = first;
            valueVar = expectForVariable();
        }
        if (!isKeyword(peek(), "in")) {
            throw error("Invalid 'for' expression; For expression requires the 'in' keyword after its name "
                    + "declarations.", peek());
        }
        next();
        HclExpr collection = parseExpression();
        expect(HclTokenKind.COLON, "Invalid 'for' expression; For expression requires a colon after the collection "
                + "expression.");
        HclExpr keyResult = null;
        boolean grouping = false;
        HclExpr valueResult;
        if (objectResult) {
            keyResult = parseExpression();
            expect(HclTokenKind.FAT_ARROW, "Invalid 'for' expression; Key expression is required when building an "
                    + "object, followed by \"=>\" and the value expression.");
            valueResult = parseExpression();
            if (peek().kind() == HclTokenKind.ELLIPSIS) {
                next();
                grouping = true;
            }
        } else {
            valueResult = parseExpression();
        }
        HclExpr condition = null;
        if (isKeyword(peek(), "if")) {
            next();
            condition = parseExpression();
        }
        HclTokenKind closeKind = objectResult ? HclTokenKind.RBRACE : HclTokenKind.RBRACK;
        HclToken close = expect(closeKind, "Invalid 'for' expression; Extra characters after the end of the 'for' "
                + "expression.");
        return new HclExpr.ForExpr(keyVar, valueVar, collection, keyResult, valueResult, condition, grouping,
                objectResult, range(open.start(), close.end()));
    }

    /** Result of one postfix suffix: either a static traversal step or a new wrapping expression. */
    private record Suffix(HclTraversalStep step, HclExpr expr) {
    }

    /**
     * Attribute access, indexing and splats after a term. Static steps after a variable are
     * collected in one list (not copied per step) so long traversals stay linear.
     */
    private HclExpr parsePostfix(HclExpr term) {
        HclExpr expr = term;
        List<HclTraversalStep> steps = term instanceof HclExpr.Traversal ? new ArrayList<>() : null;
        while (true) {
            HclToken token = peek();
            Suffix suffix;
            if (token.kind() == HclTokenKind.DOT) {
                next();
                suffix = parseDotSuffix(expr, steps);
            } else if (token.kind() == HclTokenKind.LBRACK) {
                next();
                suffix = parseBracketSuffix(expr, steps);
            } else {
                return withSteps(expr, steps);
            }
            if (suffix.step() != null) {
                steps.add(suffix.step());
            } else {
                expr = suffix.expr();
                steps = null;
            }
        }
    }

    private HclExpr withSteps(HclExpr expr, List<HclTraversalStep> steps) {
        if (steps == null || steps.isEmpty() || !(expr instanceof HclExpr.Traversal t)) {
            return expr;
        }
        return new HclExpr.Traversal(t.root(), steps,
                range(t.range().start().offset(), steps.get(steps.size() - 1).range().end().offset()));
    }

    private Suffix parseDotSuffix(HclExpr current, List<HclTraversalStep> steps) {
        int start = current.range().start().offset();
        HclToken token = peek();
        if (token.kind() == HclTokenKind.IDENT) {
            next();
            String name = textOf(token);
            if (steps != null) {
                return new Suffix(new HclTraversalStep.Attr(name, range(token.start() - 1, token.end())), null);
            }
            return new Suffix(null, new HclExpr.GetAttr(current, name, range(start, token.end())));
        }
        if (token.kind() == HclTokenKind.NUMBER) {
            // Legacy index "a.0": take only the digits, because "a.0.1" scans "0.1" as one number.
            int end = scanner.digitsEnd(token.start());
            pos = end;
            HclExpr key = new HclExpr.Literal(HclExpr.LiteralKind.NUMBER, text.substring(token.start(), end),
                    range(token.start(), end));
            if (steps != null) {
                return new Suffix(new HclTraversalStep.Index(key, true, range(token.start() - 1, end)), null);
            }
            return new Suffix(null, new HclExpr.Index(current, key, range(start, end)));
        }
        if (token.kind() == HclTokenKind.STAR) {
            next();
            return new Suffix(null, new HclExpr.Splat(withSteps(current, steps), false, range(start, token.end())));
        }
        throw error("Invalid attribute name; An attribute name is required after a dot.", token);
    }

    private Suffix parseBracketSuffix(HclExpr current, List<HclTraversalStep> steps) {
        int bracket = pos - 1;
        boolean saved = newlines;
        newlines = false;
        HclToken token = peek();
        Suffix result;
        if (token.kind() == HclTokenKind.STAR) {
            next();
            HclToken close = expect(HclTokenKind.RBRACK, "Missing close bracket on splat index; The splat operator "
                    + "must end with a closing bracket (\"]\").");
            HclExpr source = withSteps(current, steps);
            result = new Suffix(null, new HclExpr.Splat(source, true,
                    range(source.range().start().offset(), close.end())));
        } else {
            HclExpr key = parseExpression();
            HclToken close = expect(HclTokenKind.RBRACK, "Missing close bracket on index; The index operator must "
                    + "end with a closing bracket (\"]\").");
            boolean staticKey = key instanceof HclExpr.Literal lit && lit.kind() == HclExpr.LiteralKind.NUMBER
                    || key instanceof HclExpr.Template tpl && !tpl.isHeredoc() && tpl.isLiteral();
            if (staticKey && steps != null) {
                result = new Suffix(new HclTraversalStep.Index(key, false, range(bracket, close.end())), null);
            } else {
                HclExpr source = withSteps(current, steps);
                result = new Suffix(null, new HclExpr.Index(source, key,
                        range(source.range().start().offset(), close.end())));
            }
        }
        newlines = saved;
        return result;
    }

    // ---------------------------------------------------------------- templates

    /** Which flavour of template text is being scanned. */
    private enum TemplateMode { QUOTED, HEREDOC }

    /** Parts of a template sequence and the directive keyword ("else", "endif", "endfor") that ended it. */
    private record Sequence(List<HclTemplatePart> parts, String endKeyword) {
    }

    /** The opening quote has been consumed; parses up to and including the closing quote. */
    private HclExpr.Template parseQuotedTemplate(HclToken openQuote) {
        enter();
        boolean saved = newlines;
        Sequence sequence = parseTemplateSequence(TemplateMode.QUOTED, text.length(), Set.of(), openQuote.start());
        pos++; // closing quote
        newlines = saved;
        leave();
        return new HclExpr.Template(sequence.parts(), null, false, range(openQuote.start(), pos));
    }

    private HclExpr.Template parseHeredoc(HclToken opener) {
        boolean flush = text.charAt(opener.start() + 2) == '-';
        String marker = text.substring(opener.start() + (flush ? 3 : 2), opener.end());
        int contentStart = opener.end();
        if (contentStart < text.length() && text.charAt(contentStart) == '\r') {
            contentStart++;
        }
        if (contentStart >= text.length() || text.charAt(contentStart) != '\n') {
            throw error("Invalid heredoc; A heredoc marker must be followed immediately by a newline.", opener);
        }
        contentStart++;
        int closeLine = -1;
        int closeEnd = -1;
        int lineStart = contentStart;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int i = lineStart;
            while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            int contentEnd = lineEnd > i && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd - i == marker.length() && text.startsWith(marker, i)) {
                closeLine = lineStart;
                closeEnd = contentEnd;
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (closeLine < 0) {
            throw error("Unterminated template string; No closing marker was found for the string.", opener);
        }
        enter();
        boolean saved = newlines;
        pos = contentStart;
        Sequence sequence = parseTemplateSequence(TemplateMode.HEREDOC, closeLine, Set.of(), opener.start());
        pos = closeEnd;
        newlines = saved;
        leave();
        return new HclExpr.Template(sequence.parts(), marker, flush, range(opener.start(), closeEnd));
    }

    /**
     * Scans template text from {@code pos} until the end of the template (closing quote, left
     * unconsumed, or {@code limit}) or until one of {@code endKeywords} directives, which is consumed.
     */
    private Sequence parseTemplateSequence(TemplateMode mode, int limit, Set<String> endKeywords, int templateStart) {
        List<HclTemplatePart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int literalStart = pos;
        while (true) {
            if (pos >= limit) {
                if (mode == TemplateMode.QUOTED) {
                    throw error("Unterminated template string; No closing marker was found for the string.",
                            templateStart, templateStart + 1);
                }
                break;
            }
            char c = text.charAt(pos);
            char c1 = pos + 1 < limit ? text.charAt(pos + 1) : '\0';
            char c2 = pos + 2 < limit ? text.charAt(pos + 2) : '\0';
            if (mode == TemplateMode.QUOTED && c == '"') {
                break;
            }
            if (mode == TemplateMode.QUOTED && c == '\n') {
                throw error("Invalid multi-line string; Quoted strings may not be split over multiple lines. To "
                        + "produce a multi-line string, either use the \\n escape to represent a newline character "
                        + "or use the \"heredoc\" multi-line template syntax.", pos, pos + 1);
            }
            if (mode == TemplateMode.QUOTED && c == '\\') {
                pos = decodeEscape(literal);
            } else if ((c == '$' || c == '%') && c1 == c && c2 == '{') {
                // "$${" and "%%{" are escapes for a literal "${" / "%{".
                literal.append(c).append('{');
                pos += 3;
            } else if ((c == '$' || c == '%') && c1 == '{') {
                flushLiteral(parts, literal, literalStart, pos);
                if (c == '$') {
                    parts.add(parseInterpolation());
                } else {
                    int directiveStart = pos;
                    String keyword = parseDirectiveKeyword();
                    if (endKeywords.contains(keyword)) {
                        closeDirective(keyword);
                        return new Sequence(parts, keyword);
                    }
                    parts.add(parseDirective(keyword, directiveStart, mode, limit));
                }
                literalStart = pos;
            } else {
                literal.append(c);
                pos++;
            }
        }
        flushLiteral(parts, literal, literalStart, pos);
        if (!endKeywords.isEmpty()) {
            String expected = endKeywords.contains("endfor") ? "endfor" : "endif";
            throw error("Unterminated template directive; Expected a %{ " + expected + " } directive before the end "
                    + "of the template.", templateStart, templateStart + 1);
        }
        return new Sequence(parts, null);
    }

    private void flushLiteral(List<HclTemplatePart> parts, StringBuilder literal, int start, int end) {
        if (end > start) {
            parts.add(new HclTemplatePart.Literal(literal.toString(), range(start, end)));
        }
        literal.setLength(0);
    }

    /** Decodes the backslash escape at {@code pos} into {@code out}; returns the position after it. */
    private int decodeEscape(StringBuilder out) {
        int start = pos;
        char selector = start + 1 < text.length() ? text.charAt(start + 1) : '\0';
        switch (selector) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u', 'U' -> {
                int digits = selector == 'u' ? 4 : 8;
                int end = start + 2 + digits;
                if (end > text.length() || !isHex(start + 2, end)) {
                    throw error("Invalid escape sequence; The \\" + selector + " escape sequence must be followed by "
                            + digits + " hexadecimal digits.", start, Math.min(end, text.length()));
                }
                int codePoint = Integer.parseUnsignedInt(text.substring(start + 2, end), 16);
                if (!Character.isValidCodePoint(codePoint)) {
                    throw error("Invalid escape sequence; The escape sequence does not denote a valid Unicode "
                            + "character.", start, end);
                }
                out.appendCodePoint(codePoint);
                return end;
            }
            default -> {
                String symbol = selector == '\0' ? "end of text" : String.valueOf(selector);
                throw error("Invalid escape sequence; The symbol \"" + symbol + "\" is not a valid escape sequence "
                        + "selector.", start, Math.min(start + 2, text.length()));
            }
        }
        return start + 2;
    }

    private boolean isHex(int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code ${ expr }} with optional strip markers; {@code pos} is at the dollar sign. */
    private HclTemplatePart parseInterpolation() {
        int start = pos;
        pos += 2;
        boolean stripLeft = pos < text.length() && text.charAt(pos) == '~';
        if (stripLeft) {
            pos++;
        }
        boolean saved = newlines;
        newlines = false;
        HclExpr expr = parseExpression();
        boolean stripRight = false;
        if (peek().kind() == HclTokenKind.TILDE) {
            next();
            stripRight = true;
        }
        HclToken close = peek();
        if (close.kind() != HclTokenKind.RBRACE) {
            throw error("Extra characters after interpolation expression; Expected a closing brace to end the "
                    + "interpolation expression, but found extra characters.", close);
        }
        pos = close.end();
        newlines = saved;
        return new HclTemplatePart.Interpolation(expr, stripLeft, stripRight, range(start, pos));
    }

    /** Reads {@code %{ keyword}; leaves {@code pos} after the keyword with newlines off. */
    private String parseDirectiveKeyword() {
        pos += 2;
        if (pos < text.length() && text.charAt(pos) == '~') {
            pos++;
        }
        newlines = false;
        HclToken token = peek();
        if (token.kind() == HclTokenKind.IDENT) {
            String keyword = textOf(token);
            if (Set.of("if", "else", "endif", "for", "endfor").contains(keyword)) {
                next();
                return keyword;
            }
        }
        throw error("Invalid template directive; A template directive keyword (\"if\", \"for\", etc) is expected at "
                + "the beginning of a %{ sequence.", token);
    }

    /** Consumes the optional strip marker and the closing brace of a directive. */
    private void closeDirective(String keyword) {
        if (peek().kind() == HclTokenKind.TILDE) {
            next();
        }
        HclToken close = peek();
        if (close.kind() != HclTokenKind.RBRACE) {
            throw error("Extra characters in " + keyword + " marker; Expected a closing brace to end the sequence, "
                    + "but found extra characters.", close);
        }
        pos = close.end();
    }

    private HclTemplatePart parseDirective(String keyword, int start, TemplateMode mode, int limit) {
        enter();
        HclTemplatePart part;
        switch (keyword) {
            case "if" -> {
                HclExpr condition = parseExpression();
                closeDirective(keyword);
                Sequence thenSeq = parseTemplateSequence(mode, limit, Set.of("else", "endif"), start);
                List<HclTemplatePart> elseParts = List.of();
                if ("else".equals(thenSeq.endKeyword())) {
                    elseParts = parseTemplateSequence(mode, limit, Set.of("endif"), start).parts();
                }
                part = new HclTemplatePart.IfDirective(condition, thenSeq.parts(), elseParts, range(start, pos));
            }
            case "for" -> {
                String first = expectForVariable();
                String keyVar = null;
                String valueVar = first;
                if (peek().kind() == HclTokenKind.COMMA) {
                    next();
                    keyVar = first;
                    valueVar = expectForVariable();
                }
                if (!isKeyword(peek(), "in")) {
                    throw error("Invalid 'for' directive; For directive requires the 'in' keyword after its name "
                            + "declarations.", peek());
                }
                next();
                HclExpr collection = parseExpression();
                closeDirective(keyword);
                Sequence body = parseTemplateSequence(mode, limit, Set.of("endfor"), start);
                part = new HclTemplatePart.ForDirective(keyVar, valueVar, collection, body.parts(), range(start, pos));
            }
            default -> throw error("Unexpected " + keyword + " directive; The " + keyword + " directive is not "
                    + "expected here, because there is no corresponding opening directive.", start, pos);
        }
        leave();
        return part;
    }
}
