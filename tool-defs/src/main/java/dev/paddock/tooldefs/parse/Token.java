package dev.paddock.tooldefs.parse;

/**
 * A token; {@code literal} is the decoded value of a string or number, {@code doc} the JSDoc comment
 * (raw text between the delimiters) written right before it, with {@code docOffset} where that text starts.
 */
record Token(TokenType type, String lexeme, Object literal, int offset, String doc, int docOffset) {

    boolean is(String keyword) {
        return type == TokenType.IDENTIFIER && lexeme.equals(keyword);
    }
}
