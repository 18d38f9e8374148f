package io.opsdoc.core.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.opsdoc.core.promql.Token.Kind;

/**
 * Turns a PromQL string into tokens, following the states of Prometheus' {@code lex.go}: inside
 * braces keywords are plain label names and colons are not part of names; inside brackets only
 * durations, numbers and ':' are allowed. On the first lexical problem an {@link Kind#ERROR}
 * token ends the list, so the parser reports it when (and only if) it gets that far.
 */
final class PromQlLexer {

    /** Words the lexer turns into keyword tokens (case-insensitive, as in Prometheus). */
    static final Set<String> KEYWORDS = Set.of(
        "and", "or", "unless", "atan2",
        "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk", "count_values",
        "quantile", "limitk", "limit_ratio",
        "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
        "start", "end");

    private final String in;
    private final int len;
    private int pos;
    private boolean braceOpen;
    private boolean bracketOpen;
    /** Where the currently open brace / bracket started, to point errors at it. */
    private int openedAt;
    private final List<Token> tokens = new ArrayList<>();

    private PromQlLexer(String input) {
        this.in = input;
        this.len = input.length();
    }

    static List<Token> tokenize(String input) {
        return new PromQlLexer(input).run();
    }

    private List<Token> run() {
        while (true) {
            Token t = next();
            tokens.add(t);
            if (t.is(Kind.EOF) || t.is(Kind.ERROR)) {
                return tokens;
            }
        }
    }

    private Token next() {
        skipSpaceAndComments();
        if (pos >= len) {
            if (braceOpen) {
                return error("unexpected end of input inside braces", openedAt, len);
            }
            if (bracketOpen) {
                return error("unclosed left bracket", openedAt, len);
            }
            return token(Kind.EOF, pos, pos);
        }
        if (braceOpen) {
            return insideBraces();
        }
        if (bracketOpen) {
            return insideBrackets();
        }
        return statement();
    }

    private void skipSpaceAndComments() {
        while (pos < len) {
            char c = in.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < len && in.charAt(pos) != '\n' && in.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token statement() {
        int s = pos;
        char c = in.charAt(pos);
        switch (c) {
            case ',':
                pos++;
                return token(Kind.COMMA, s, pos);
            case '(':
                pos++;
                return token(Kind.LEFT_PAREN, s, pos);
            case ')':
                pos++;
                return token(Kind.RIGHT_PAREN, s, pos);
            case '{':
                pos++;
                braceOpen = true;
                openedAt = s;
                return token(Kind.LEFT_BRACE, s, pos);
            case '}':
                return error("unexpected character: '}'", s, s + 1);
            case '[':
                pos++;
                bracketOpen = true;
                openedAt = s;
                return token(Kind.LEFT_BRACKET, s, pos);
            case ']':
                return error("unexpected right bracket ']'", s, s + 1);
            case '@':
                pos++;
                return token(Kind.AT, s, pos);
            case '+', '-', '*', '/', '%', '^':
                pos++;
                return token(Kind.OPERATOR, s, pos);
            case '=':
                if (peekAt(pos + 1) == '=') {
                    pos += 2;
                } else if (peekAt(pos + 1) == '~') {
                    return error("unexpected character after '=': '~' (regex matchers are only allowed inside braces)",
                        s, s + 2);
                } else {
                    pos++;
                }
                return token(Kind.OPERATOR, s, pos);
            case '!':
                if (peekAt(pos + 1) != '=') {
                    return error("unexpected character after '!': " + describeChar(pos + 1), s, s + 1);
                }
                pos += 2;
                return token(Kind.OPERATOR, s, pos);
            case '<', '>':
                pos += peekAt(pos + 1) == '=' ? 2 : 1;
                return token(Kind.OPERATOR, s, pos);
            case '"', '\'':
                return quotedString(c);
            case '`':
                return rawString();
            default:
                break;
        }
        if (isDigit(c) || (c == '.' && isDigit(peekAt(pos + 1)))) {
            return numberOrDuration();
        }
        if (isAlpha(c) || c == ':') {
            while (pos < len && (isAlphaNumeric(in.charAt(pos)) || in.charAt(pos) == ':')) {
                pos++;
            }
            String word = in.substring(s, pos);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("inf") || lower.equals("nan")) {
                return new Token(Kind.NUMBER, word, word,
                    lower.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN, s, pos);
            }
            if (KEYWORDS.contains(lower)) {
                return new Token(Kind.KEYWORD, word, lower, 0, s, pos);
            }
            return token(word.indexOf(':') >= 0 ? Kind.METRIC_IDENTIFIER : Kind.IDENTIFIER, s, pos);
        }
        return error("unexpected character: " + describeChar(pos), s, s + Character.charCount(in.codePointAt(s)));
    }

    private Token insideBraces() {
        int s = pos;
        char c = in.charAt(pos);
        if (isAlpha(c)) {
            while (pos < len && isAlphaNumeric(in.charAt(pos))) {
                pos++;
            }
            return token(Kind.IDENTIFIER, s, pos);
        }
        switch (c) {
            case ',':
                pos++;
                return token(Kind.COMMA, s, pos);
            case '"', '\'':
                return quotedString(c);
            case '`':
                return rawString();
            case '=':
                pos += peekAt(pos + 1) == '~' ? 2 : 1;
                return token(Kind.OPERATOR, s, pos);
            case '!':
                char n = peekAt(pos + 1);
                if (n != '~' && n != '=') {
                    return error("unexpected character after '!' inside braces: " + describeChar(pos + 1), s, s + 1);
                }
                pos += 2;
                return token(Kind.OPERATOR, s, pos);
            case '}':
                pos++;
                braceOpen = false;
                return token(Kind.RIGHT_BRACE, s, pos);
            case '{':
                return error("unexpected left brace '{'", s, s + 1);
            default:
                return error("unexpected character inside braces: " + describeChar(pos), s,
                    s + Character.charCount(in.codePointAt(s)));
        }
    }

    private Token insideBrackets() {
        int s = pos;
        char c = in.charAt(pos);
        if (isDigit(c) || (c == '.' && isDigit(peekAt(pos + 1)))) {
            return numberOrDuration();
        }
        switch (c) {
            case ':':
                pos++;
                return token(Kind.COLON, s, pos);
            case ']':
                pos++;
                bracketOpen = false;
                return token(Kind.RIGHT_BRACKET, s, pos);
            case '[':
                return error("unexpected left bracket '['", s, s + 1);
            default:
                int e = s;
                while (e < len && isAlphaNumeric(in.charAt(e))) {
                    e++;
                }
                return error("unexpected character in duration expression: " + describeChar(pos), s, Math.max(e, s + 1));
        }
    }

    /**
     * Scans a number (decimal, hex, with fraction/exponent/underscores) or, when digits are directly
     * followed by a unit letter, a duration such as {@code 1h30m}. The duration's unit order is
     * checked later by {@link PromDuration}, as Prometheus does.
     */
    private Token numberOrDuration() {
        int s = pos;
        int p = pos;
        boolean plainDigits = true;
        if (in.charAt(p) == '0' && (peekAt(p + 1) == 'x' || peekAt(p + 1) == 'X')) {
            plainDigits = false;
            p += 2;
            if (peekAt(p) == '_') {
                p++;
            }
            int digits = p;
            while (p < len && (isHexDigit(in.charAt(p)) || in.charAt(p) == '_')) {
                p++;
            }
            if (p == digits) {
                return badNumber(s, p);
            }
        } else {
            while (p < len && (isDigit(in.charAt(p)) || in.charAt(p) == '_')) {
                if (in.charAt(p) == '_') {
                    plainDigits = false;
                }
                p++;
            }
            if (peekAt(p) == '.') {
                plainDigits = false;
                p++;
                while (p < len && (isDigit(in.charAt(p)) || in.charAt(p) == '_')) {
                    p++;
                }
            }
            char e = peekAt(p);
            if ((e == 'e' || e == 'E') && (isDigit(peekAt(p + 1))
                || ((peekAt(p + 1) == '+' || peekAt(p + 1) == '-') && isDigit(peekAt(p + 2))))) {
                plainDigits = false;
                p += 2;
                while (p < len && isDigit(in.charAt(p))) {
                    p++;
                }
            }
        }
        if (p < len && (isAlphaNumeric(in.charAt(p)) || in.charAt(p) == '.')) {
            if (plainDigits) {
                int d = durationEnd(s);
                if (d > 0) {
                    pos = d;
                    return token(Kind.DURATION, s, pos);
                }
            }
            return badNumber(s, p);
        }
        String text = in.substring(s, p);
        Double value = numberValue(text);
        if (value == null) {
            return error("bad number syntax: \"" + text + "\"", s, p);
        }
        pos = p;
        return new Token(Kind.NUMBER, text, text, value, s, p);
    }

    private Token badNumber(int s, int p) {
        int e = p;
        while (e < len && (isAlphaNumeric(in.charAt(e)) || in.charAt(e) == '.')) {
            e++;
        }
        return error("bad number or duration syntax: \"" + in.substring(s, e) + "\"", s, e);
    }

    /** End index of a duration-shaped run starting at {@code s}, or -1. */
    private int durationEnd(int s) {
        int p = s;
        do {
            int digits = p;
            while (p < len && isDigit(in.charAt(p))) {
                p++;
            }
            if (p == digits || p >= len || "smhdwy".indexOf(in.charAt(p)) < 0) {
                return -1;
            }
            p++;
            if (in.charAt(p - 1) == 'm' && peekAt(p) == 's') {
                p++;
            }
        } while (p < len && isDigit(in.charAt(p)));
        return p < len && isAlphaNumeric(in.charAt(p)) ? -1 : p;
    }

    /** Mirrors Go's ParseInt(s, 0, 64) followed by ParseFloat: hex, legacy octal, decimal. */
    private static Double numberValue(String text) {
        String t = text.replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new java.math.BigInteger(t.substring(2), 16).doubleValue();
            }
            if (t.length() > 1 && t.charAt(0) == '0' && t.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
                return new java.math.BigInteger(t.substring(1), 8).doubleValue();
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Token quotedString(char quote) {
        int s = pos;
        int p = pos + 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (p >= len || in.charAt(p) == '\n') {
                return error("unterminated quoted string", s, p);
            }
            char c = in.charAt(p);
            if (c == quote) {
                p++;
                break;
            }
            if (c != '\\') {
                value.append(c);
                p++;
                continue;
            }
            int escStart = p;
            p++;
            if (p >= len) {
                return error("escape sequence not terminated", escStart, p);
            }
            char e = in.charAt(p);
            p++;
            switch (e) {
                case 'a' -> value.append('\u0007');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'v' -> value.append('\u000b');
                case '\\' -> value.append('\\');
                case '0', '1', '2', '3', '4', '5', '6', '7', 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 2;
                    int base = (e >= '0' && e <= '7') ? 8 : 16;
                    // long: eight hex digits of \U overflow an int (found by PromQlParserFuzzTest)
                    long code = base == 8 ? e - '0' : 0;
                    for (int i = 0; i < digits; i++) {
                        int d = p < len ? Character.digit(in.charAt(p), base) : -1;
                        if (d < 0) {
                            return error("illegal character in escape sequence", escStart, Math.min(p + 1, len));
                        }
                        code = code * base + d;
                        p++;
                    }
                    int max = (e == 'u' || e == 'U') ? Character.MAX_CODE_POINT : 255;
                    if (code > max || (code >= 0xD800 && code < 0xE000)) {
                        return error("escape sequence is an invalid Unicode code point", escStart, p);
                    }
                    // \x and octal escapes denote bytes in Go; without a byte string we keep the code unit.
                    value.appendCodePoint((int) code);
                }
                default -> {
                    if (e == quote) {
                        value.append(e);
                    } else {
                        return error("unknown escape sequence '\\" + e + "'", escStart, p);
                    }
                }
            }
        }
        pos = p;
        return new Token(Kind.STRING, in.substring(s, p), value.toString(), 0, s, p);
    }

    private Token rawString() {
        int s = pos;
        int close = in.indexOf('`', pos + 1);
        if (close < 0) {
            return error("unterminated raw string", s, len);
        }
        pos = close + 1;
        return new Token(Kind.STRING, in.substring(s, pos), in.substring(s + 1, close), 0, s, pos);
    }

    private Token token(Kind kind, int s, int e) {
        String text = in.substring(s, e);
        return new Token(kind, text, text, 0, s, e);
    }

    private Token error(String message, int s, int e) {
        return new Token(Kind.ERROR, message, message, 0, s, Math.min(Math.max(e, s), len));
    }

    private char peekAt(int p) {
        return p < len ? in.charAt(p) : '\0';
    }

    private String describeChar(int p) {
        if (p >= len) {
            return "end of input";
        }
        return "'" + new String(Character.toChars(in.codePointAt(p))) + "'";
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAlpha(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlphaNumeric(char c) {
        return isAlpha(c) || isDigit(c);
    }
}
