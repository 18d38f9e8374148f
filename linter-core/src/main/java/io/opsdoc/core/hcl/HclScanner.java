package io.opsdoc.core.hcl;

import java.util.Arrays;

/**
 * On-demand tokenizer for HCL native syntax. The parser drives it with an explicit position and a
 * flag telling whether newlines are significant at that point, because HCL's newline handling
 * depends on the bracket context, and template text is scanned by the parser character by character.
 */
final class HclScanner {

    private final String text;
    private final int[] lineStarts;

    HclScanner(String text) {
        this.text = text;
        this.lineStarts = computeLineStarts(text);
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    String text() {
        return text;
    }

    HclPos pos(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, clamped);
        int line = idx >= 0 ? idx : -idx - 2;
        return new HclPos(clamped, line, clamped - lineStarts[line]);
    }

    HclRange range(int start, int end) {
        return new HclRange(pos(start), pos(end));
    }

    static boolean isIdentStart(int cp) {
        return cp == '_' || Character.isUnicodeIdentifierStart(cp);
    }

    static boolean isIdentPart(int cp) {
        // HCL identifiers may contain dashes, e.g. "aws-instance".
        return cp == '-' || cp == '_' || Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    int identEnd(int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isIdentPart(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * Scans the next token at or after {@code start}, skipping spaces and comments, and newlines
     * too when they are not significant.
     */
    HclToken scan(int start, boolean newlines) {
        int n = text.length();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                i++;
            } else if (c == '\n') {
                if (newlines) {
                    return new HclToken(HclTokenKind.NEWLINE, i, i + 1);
                }
                i++;
            } else if (c == '#' || c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                // A line comment runs to the end of the line; its newline still ends an argument.
                int eol = text.indexOf('\n', i);
                if (eol < 0) {
                    i = n;
                } else if (newlines) {
                    return new HclToken(HclTokenKind.NEWLINE, eol, eol + 1);
                } else {
                    i = eol + 1;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new HclSyntaxException(new HclDiagnostic(
                            "Unterminated comment; There is no closing marker (\"*/\") for this comment.",
                            pos(i), pos(i + 2)));
                }
                i = close + 2;
            } else {
                break;
            }
        }
        if (i >= n) {
            return new HclToken(HclTokenKind.EOF, n, n);
        }
        return scanToken(i);
    }

    private HclToken scanToken(int i) {
        int n = text.length();
        char c = text.charAt(i);
        char c1 = i + 1 < n ? text.charAt(i + 1) : '\0';
        int cp = text.codePointAt(i);
        if (isIdentStart(cp)) {
            return new HclToken(HclTokenKind.IDENT, i, identEnd(i));
        }
        if (c >= '0' && c <= '9') {
            return new HclToken(HclTokenKind.NUMBER, i, numberEnd(i));
        }
        switch (c) {
            case '"':
                return tok(HclTokenKind.QUOTE, i, 1);
            case '{':
                return tok(HclTokenKind.LBRACE, i, 1);
            case '}':
                return tok(HclTokenKind.RBRACE, i, 1);
            case '[':
                return tok(HclTokenKind.LBRACK, i, 1);
            case ']':
                return tok(HclTokenKind.RBRACK, i, 1);
            case '(':
                return tok(HclTokenKind.LPAREN, i, 1);
            case ')':
                return tok(HclTokenKind.RPAREN, i, 1);
            case ',':
                return tok(HclTokenKind.COMMA, i, 1);
            case '?':
                return tok(HclTokenKind.QUESTION, i, 1);
            case '~':
                return tok(HclTokenKind.TILDE, i, 1);
            case '+':
                return tok(HclTokenKind.PLUS, i, 1);
            case '-':
                return tok(HclTokenKind.MINUS, i, 1);
            case '*':
                return tok(HclTokenKind.STAR, i, 1);
            case '/':
                return tok(HclTokenKind.SLASH, i, 1);
            case '%':
                return tok(HclTokenKind.PERCENT, i, 1);
            case ':':
                return c1 == ':' ? tok(HclTokenKind.DOUBLE_COLON, i, 2) : tok(HclTokenKind.COLON, i, 1);
            case '=':
                if (c1 == '=') {
                    return tok(HclTokenKind.EQ, i, 2);
                }
                return c1 == '>' ? tok(HclTokenKind.FAT_ARROW, i, 2) : tok(HclTokenKind.EQUALS, i, 1);
            case '!':
                return c1 == '=' ? tok(HclTokenKind.NEQ, i, 2) : tok(HclTokenKind.BANG, i, 1);
            case '>':
                return c1 == '=' ? tok(HclTokenKind.GE, i, 2) : tok(HclTokenKind.GT, i, 1);
            case '<':
                if (c1 == '<') {
                    HclToken heredoc = scanHeredocStart(i);
                    if (heredoc != null) {
                        return heredoc;
                    }
                }
                return c1 == '=' ? tok(HclTokenKind.LE, i, 2) : tok(HclTokenKind.LT, i, 1);
            case '&':
                return c1 == '&' ? tok(HclTokenKind.AND, i, 2) : tok(HclTokenKind.INVALID, i, 1);
            case '|':
                return c1 == '|' ? tok(HclTokenKind.OR, i, 2) : tok(HclTokenKind.INVALID, i, 1);
            case '.':
                if (c1 == '.' && i + 2 < n && text.charAt(i + 2) == '.') {
                    return tok(HclTokenKind.ELLIPSIS, i, 3);
                }
                return tok(HclTokenKind.DOT, i, 1);
            default:
                return new HclToken(HclTokenKind.INVALID, i, i + Character.charCount(cp));
        }
    }

    private static HclToken tok(HclTokenKind kind, int start, int length) {
        return new HclToken(kind, start, start + length);
    }

    /** Returns a HEREDOC token covering {@code <<MARKER} or {@code <<-MARKER}, or null if this is not one. */
    private HclToken scanHeredocStart(int i) {
        int j = i + 2;
        if (j < text.length() && text.charAt(j) == '-') {
            j++;
        }
        if (j >= text.length() || !isIdentStart(text.codePointAt(j))) {
            return null;
        }
        return new HclToken(HclTokenKind.HEREDOC, i, identEnd(j));
    }

    private int numberEnd(int start) {
        int n = text.length();
        int i = digitsEnd(start);
        if (i + 1 < n && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i = digitsEnd(i + 1);
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(text.charAt(j))) {
                i = digitsEnd(j);
            }
        }
        return i;
    }

    int digitsEnd(int start) {
        int i = start;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
