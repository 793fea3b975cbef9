package dev.paddock.tooldefs.parse;

enum TokenType {
    LEFT_BRACE, RIGHT_BRACE, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, LESS, GREATER,
    COMMA, SEMICOLON, COLON, QUESTION, DOT, ELLIPSIS, PIPE, AMPERSAND, EQUAL, ARROW, MINUS,
    IDENTIFIER, STRING, NUMBER,
    /** A character or construct the declaration syntax has no use for (template literal, `@`, …). */
    UNEXPECTED,
    EOF
}
