package dev.paddock.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds where top-level statements may start in JavaScript source, without a full parser: it skips
 * strings, template literals, comments and regular expressions and tracks bracket depth. The positions
 * are only candidates (a line may continue the previous statement); {@link CodeNormalizer} confirms each
 * with the real parser.
 */
final class JsScanner {

    /** After these words a slash starts a regular expression, not a division. */
    private static final Set<String> REGEX_AFTER_WORD = Set.of(
            "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do",
            "else", "yield", "await");

    private final String src;
    private int pos;
    private int depth;
    private final List<Integer> starts = new ArrayList<>();
    /** The last significant token: a word, or one punctuation character. */
    private String previous = "";
    private boolean boundaryPending = true;

    private JsScanner(String src) {
        this.src = src;
    }

    /** Offsets of the first token of every candidate top-level statement, in source order. */
    static List<Integer> statementStarts(String src) {
        JsScanner scanner = new JsScanner(src);
        scanner.scan();
        return scanner.starts;
    }

    /** The word (identifier or keyword) at an offset, or the single character there when it is not a word. */
    static String tokenAt(String src, int offset) {
        int end = offset;
        while (end < src.length() && isWordChar(src.charAt(end))) end++;
        return end > offset ? src.substring(offset, end) : src.substring(offset, Math.min(offset + 1, src.length()));
    }

    private void scan() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (depth == 0) boundaryPending = true;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                int end = src.indexOf("*/", pos + 2);
                pos = end < 0 ? src.length() : end + 2;
            } else {
                token(c);
            }
        }
    }

    private void token(char c) {
        if (depth == 0 && boundaryPending) starts.add(pos);
        boundaryPending = false;
        if (c == '"' || c == '\'') {
            skipString(c);
            previous = "\"";
        } else if (c == '`') {
            pos++;
            skipTemplateRest();
            previous = "`";
        } else if (c == '/' && slashStartsRegex()) {
            skipRegex();
            previous = "/regex";
        } else if (isWordChar(c)) {
            int start = pos;
            while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
            previous = src.substring(start, pos);
        } else {
            punctuation(c);
        }
    }

    private void punctuation(char c) {
        pos++;
        previous = String.valueOf(c);
        switch (c) {
            case '(', '[', '{' -> depth++;
            case ')', ']' -> depth = Math.max(0, depth - 1);
            case '}' -> {
                depth = Math.max(0, depth - 1);
                if (depth == 0) boundaryPending = true;
            }
            case ';' -> {
                if (depth == 0) boundaryPending = true;
            }
            default -> {}
        }
    }

    private boolean slashStartsRegex() {
        if (previous.isEmpty() || previous.equals("/regex")) return previous.isEmpty();
        char last = previous.charAt(previous.length() - 1);
        if (isWordChar(last)) return REGEX_AFTER_WORD.contains(previous);
        return !(previous.equals(")") || previous.equals("]") || previous.equals("}")
                || previous.equals("\"") || previous.equals("`"));
    }

    private void skipString(char quote) {
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\') pos++;
            else if (c == quote || c == '\n') return;
        }
    }

    /** Skips to the closing backtick, including nested {@code ${...}} expressions. */
    private void skipTemplateRest() {
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '`') {
                return;
            } else if (c == '$' && peek(0) == '{') {
                pos++;
                skipTemplateExpression();
            }
        }
    }

    private void skipTemplateExpression() {
        int braces = 1;
        while (pos < src.length() && braces > 0) {
            char c = src.charAt(pos);
            if (c == '"' || c == '\'') {
                skipString(c);
            } else if (c == '`') {
                pos++;
                skipTemplateRest();
            } else if (c == '/' && peek(1) == '/') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                int end = src.indexOf("*/", pos + 2);
                pos = end < 0 ? src.length() : end + 2;
            } else {
                if (c == '{') braces++;
                if (c == '}') braces--;
                pos++;
            }
        }
    }

    private void skipRegex() {
        pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\') pos++;
            else if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
            else if (c == '\n') return;
        }
        while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
