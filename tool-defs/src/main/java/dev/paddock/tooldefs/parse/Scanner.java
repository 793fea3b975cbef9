package dev.paddock.tooldefs.parse;

import static dev.paddock.tooldefs.parse.TokenType.*;

import dev.paddock.tooldefs.Diagnostic;
import dev.paddock.tooldefs.model.Source;
import java.util.ArrayList;
import java.util.List;

/** Turns declaration text into tokens, keeping each JSDoc comment with the token that follows it. */
final class Scanner {

    private final Source source;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Diagnostic> errors;
    private int start;
    private int current;
    private String pendingDoc;
    private int pendingDocOffset;

    Scanner(Source source, List<Diagnostic> errors) {
        this.source = source;
        this.text = source.text();
        this.errors = errors;
    }

    List<Token> scanTokens() {
        while (!isAtEnd()) {
            start = current;
            scanToken();
        }
        tokens.add(new Token(EOF, "", null, text.length(), pendingDoc, pendingDocOffset));
        return tokens;
    }

    private void scanToken() {
        char c = advance();
        switch (c) {
            case '{' -> add(LEFT_BRACE);
            case '}' -> add(RIGHT_BRACE);
            case '(' -> add(LEFT_PAREN);
            case ')' -> add(RIGHT_PAREN);
            case '[' -> add(LEFT_BRACKET);
            case ']' -> add(RIGHT_BRACKET);
            case '<' -> add(LESS);
            case '>' -> add(GREATER);
            case ',' -> add(COMMA);
            case ';' -> add(SEMICOLON);
            case ':' -> add(COLON);
            case '?' -> add(QUESTION);
            case '|' -> add(PIPE);
            case '&' -> add(AMPERSAND);
            case '-' -> add(MINUS);
            case '=' -> add(match('>') ? ARROW : EQUAL);
            case '.' -> {
                if (isDigit(peek())) {
                    number();
                } else if (peek() == '.' && peekNext() == '.') {
                    current += 2;
                    add(ELLIPSIS);
                } else {
                    add(DOT);
                }
            }
            case '/' -> slash();
            case '"', '\'' -> string(c);
            case '`' -> template();
            case ' ', '\t', '\r', '\n', '\uFEFF' -> { }
            default -> {
                if (isDigit(c)) {
                    number();
                } else if (isIdentifierStart(c)) {
                    identifier();
                } else {
                    add(UNEXPECTED);
                }
            }
        }
    }

    private void slash() {
        if (match('/')) {
            while (peek() != '\n' && !isAtEnd()) current++;
        } else if (match('*')) {
            boolean isDoc = peek() == '*' && peekNext() != '/';
            int bodyStart = current + (isDoc ? 1 : 0);
            int end = text.indexOf("*/", current);
            if (end < 0) {
                errors.add(source.diagnostic(start, "unterminated comment: add the closing */"));
                current = text.length();
                return;
            }
            current = end + 2;
            if (isDoc) {
                pendingDoc = text.substring(bodyStart, end);
                pendingDocOffset = bodyStart;
            }
        } else {
            add(UNEXPECTED);
        }
    }

    private void string(char quote) {
        StringBuilder value = new StringBuilder();
        while (peek() != quote && peek() != '\n' && !isAtEnd()) {
            char c = advance();
            if (c == '\\' && !isAtEnd()) {
                char e = advance();
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '0' -> value.append('\0');
                    case 'u' -> value.append(unicodeEscape());
                    case 'x' -> value.append(hexEscape());
                    case '\r' -> match('\n'); // a line continuation: the string goes on without a line break
                    case '\n' -> { }
                    default -> value.append(e);
                }
            } else {
                value.append(c);
            }
        }
        if (peek() != quote) {
            reported("unterminated string: add the closing " + quote);
            return;
        }
        current++;
        add(STRING, value.toString());
    }

    /**
     * A template literal is one token, {@code ${…}} parts included, so that its text (an apostrophe, a
     * brace) cannot start other tokens; the parser reports it as unsupported.
     */
    private void template() {
        int depth = 0;
        while (!isAtEnd()) {
            char c = advance();
            if (c == '\\' && !isAtEnd()) current++;
            else if (c == '$' && peek() == '{') {
                current++;
                depth++;
            } else if (c == '}' && depth > 0) depth--;
            else if (c == '`' && depth == 0) {
                add(UNEXPECTED);
                return;
            }
        }
        reported("unterminated template literal: add the closing `");
    }

    /** A broken token: the error is reported here, the token tells the parser not to report it again. */
    private void reported(String message) {
        errors.add(source.diagnostic(start, message));
        add(UNEXPECTED, message);
    }

    private String hexEscape() {
        if (current + 2 > text.length()) return "x";
        String hex = text.substring(current, current + 2);
        current += 2;
        return parseCodePoint(hex);
    }

    private String unicodeEscape() {
        if (peek() == '{') {
            int close = text.indexOf('}', current);
            if (close > 0) {
                String hex = text.substring(current + 1, close);
                current = close + 1;
                return parseCodePoint(hex);
            }
        }
        if (current + 4 <= text.length()) {
            String hex = text.substring(current, current + 4);
            current += 4;
            return parseCodePoint(hex);
        }
        return "u";
    }

    private String parseCodePoint(String hex) {
        try {
            return Character.toString(Integer.parseInt(hex, 16));
        } catch (IllegalArgumentException e) {
            errors.add(source.diagnostic(start, "invalid unicode escape \\u" + hex));
            return "";
        }
    }

    /** A number literal as TypeScript writes it: decimal, {@code .5}, {@code 1e3}, {@code 0x…}, {@code 0o…}, {@code 0b…}. */
    private void number() {
        int radix = text.charAt(start) != '0' ? 10 : switch (Character.toLowerCase(peek())) {
            case 'x' -> 16;
            case 'o' -> 8;
            case 'b' -> 2;
            default -> 10;
        };
        if (radix != 10) {
            current++;
            while (Character.digit(peek(), radix) >= 0 || peek() == '_') current++;
            String digits = text.substring(start + 2, current).replace("_", "");
            if (!bigint()) add(NUMBER, integral(new java.math.BigDecimal(new java.math.BigInteger(digits.isEmpty() ? "0" : digits, radix))));
            return;
        }
        while (isDigit(peek()) || peek() == '_') current++;
        if (peek() == '.' && isDigit(peekNext())) {
            current++;
            while (isDigit(peek())) current++;
        }
        if (peek() == 'e' || peek() == 'E') {
            current++;
            if (peek() == '+' || peek() == '-') current++;
            while (isDigit(peek())) current++;
        }
        String digits = text.substring(start, current).replace("_", "");
        Object value;
        try {
            value = integral(new java.math.BigDecimal(digits));
        } catch (NumberFormatException e) {
            errors.add(source.diagnostic(start, "unsupported number literal '" + digits
                    + "': write a decimal number"));
            value = 0L;
        }
        if (!bigint()) add(NUMBER, value);
    }

    /** {@code 10n}: reported, since JSON has no big integers. */
    private boolean bigint() {
        if (peek() != 'n') return false;
        current++;
        reported("bigint literals cannot be represented in JSON: use a number");
        return true;
    }

    /** Whole values are Longs however they were written ({@code 1e3}, {@code 0x10}), so {@code 1e3} and {@code 1000} mean the same. */
    private static Object integral(java.math.BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value.doubleValue();
        }
    }

    private void identifier() {
        while (isIdentifierPart(peek())) current++;
        add(IDENTIFIER);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean match(char expected) {
        if (isAtEnd() || text.charAt(current) != expected) return false;
        current++;
        return true;
    }

    private char peek() {
        return isAtEnd() ? '\0' : text.charAt(current);
    }

    private char peekNext() {
        return current + 1 >= text.length() ? '\0' : text.charAt(current + 1);
    }

    private char advance() {
        return text.charAt(current++);
    }

    private boolean isAtEnd() {
        return current >= text.length();
    }

    private void add(TokenType type) {
        add(type, null);
    }

    private void add(TokenType type, Object literal) {
        tokens.add(new Token(type, text.substring(start, current), literal, start, pendingDoc, pendingDocOffset));
        pendingDoc = null;
    }
}
