package io.opsdoc.core.hcl;

/** Token kinds produced by the on-demand scanner inside {@link HclParser}. */
enum HclTokenKind {
    IDENT, NUMBER, QUOTE, HEREDOC,
    LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN,
    COMMA, EQUALS, COLON, DOUBLE_COLON, QUESTION, DOT, ELLIPSIS, FAT_ARROW, TILDE,
    EQ, NEQ, LT, GT, LE, GE, PLUS, MINUS, STAR, SLASH, PERCENT, AND, OR, BANG,
    NEWLINE, EOF, INVALID
}
