package io.opsdoc.core.promql;

/**
 * A lexical token.
 *
 * @param text   the source text of the token; for {@link Kind#ERROR} the error message
 * @param value  unquoted content for strings, lower-cased word for keywords, else the source text
 * @param number numeric value of a {@link Kind#NUMBER}
 */
record Token(Kind kind, String text, String value, double number, int start, int end) {

    enum Kind {
        NUMBER, DURATION, STRING, IDENTIFIER, METRIC_IDENTIFIER, KEYWORD, OPERATOR,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACE, RIGHT_BRACE, LEFT_BRACKET, RIGHT_BRACKET,
        COMMA, COLON, AT, EOF, ERROR
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == Kind.KEYWORD && value.equals(word);
    }

    boolean isOperator(String symbol) {
        return kind == Kind.OPERATOR && text.equals(symbol);
    }

    /** Description used in "unexpected ..." messages, in the style of the Prometheus parser. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case IDENTIFIER -> "identifier \"" + text + "\"";
            case METRIC_IDENTIFIER -> "metric identifier \"" + text + "\"";
            case KEYWORD -> "<" + value + ">";
            case OPERATOR -> "<op:" + text + ">";
            case NUMBER -> "number \"" + abbreviate(text) + "\"";
            case DURATION -> "duration \"" + abbreviate(text) + "\"";
            case STRING -> "string " + abbreviate(text);
            case AT -> "<op:@>";
            default -> "\"" + text + "\"";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
