package dev.paddock.sandbox;

import java.util.List;
import java.util.Set;

/**
 * Turns the shapes agents write into one async function: an arrow or function expression, a bare function
 * body with {@code return}/{@code await}, a module with {@code export default}, or statements whose last
 * one is an expression (its value is the result).
 *
 * <p>The body always starts on the wrapper's second line, so a reported line minus one is the agent's
 * line and columns are unchanged — except after an inserted {@code return}, which {@link Wrapped} undoes.
 * Each candidate is confirmed with the real parser, so the lexer's guesses never change what code means.
 */
final class CodeNormalizer {

    /** The real parser's verdict on a candidate source. */
    interface SyntaxCheck {
        boolean parses(String source);
    }

    /** Every shape is this function around a body, so the body alone can be checked to be one. */
    private static final String FUNCTION_START = "(async () => {";
    private static final String FUNCTION_END = "})";
    static final String PREFIX = FUNCTION_START + "\n";
    static final String SUFFIX = "\n" + FUNCTION_END;
    private static final String EXPRESSION_PREFIX = FUNCTION_START + " return (\n";
    private static final String EXPRESSION_SUFFIX = "\n)" + FUNCTION_END;
    private static final String RETURN = "return ";
    private static final int MAX_RETURN_ATTEMPTS = 8;

    /**
     * Reserved words that never begin an expression: a body led by one is not a single expression, and
     * trying that shape would only cost a parse that fails. ({@code let} may be a name, {@code import} and
     * {@code class} may begin expressions, {@code {} may be an object literal.)
     */
    private static final Set<String> NEVER_EXPRESSION = Set.of(
            "var", "const", "if", "for", "while", "do", "switch", "try", "return", "throw", "break", "continue",
            "debugger", "with", "export");

    /** Statements led by these words are not expressions, so they have no value to return. */
    private static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "var", "let", "const", "if", "else", "for", "while", "do", "switch", "case", "default", "try",
            "catch", "finally", "class", "return", "throw", "break", "continue", "import", "export", "debugger",
            "with", "{");

    /**
     * The normalised source, ready to evaluate to a function.
     *
     * @param source               evaluates to an async function taking no arguments
     * @param callIfFunction       when the function's value is itself a function, call it (the agent sent one)
     * @param returnLine           1-based body line where {@code return } was inserted, or 0
     * @param returnColumn         1-based column of that insertion
     */
    record Wrapped(String source, boolean callIfFunction, int returnLine, int returnColumn) {

        /** Maps a 1-based line/column of {@link #source} to the body the wrapper was built from. */
        int[] toBody(int line, int column) {
            int bodyLine = Math.max(1, line - 1);
            if (bodyLine == returnLine && column >= returnColumn) {
                column = Math.max(returnColumn, column - RETURN.length());
            }
            return new int[] {bodyLine, column};
        }

        /**
         * The function's body: the source without the function around it. It keeps the source's lines, so
         * a position in it from line 2 on is the same position in {@link #source}.
         */
        String functionBody() {
            return source.substring(FUNCTION_START.length(), source.length() - FUNCTION_END.length());
        }

        /** The agent's code as one expression, whose value is returned. */
        boolean isExpression() {
            return source.startsWith(EXPRESSION_PREFIX);
        }
    }

    private CodeNormalizer() {}

    /** The first shape that parses, or null when none does (a syntax error, or TypeScript). */
    static Wrapped normalize(String body, SyntaxCheck check) {
        List<Integer> starts = JsScanner.statementStarts(body);
        Wrapped expression = new Wrapped(EXPRESSION_PREFIX + body + EXPRESSION_SUFFIX, true, 0, 0);
        boolean mayBeExpression = !starts.isEmpty() && !NEVER_EXPRESSION.contains(JsScanner.tokenAt(body, starts.getFirst()));
        if (mayBeExpression && check.parses(expression.source())) return expression;

        Unexported unexported = unexport(body, starts);
        if (unexported.hasDefault()) {
            Wrapped exported = new Wrapped(PREFIX + unexported.body() + SUFFIX, true, 0, 0);
            return check.parses(exported.source()) ? exported : null;
        }
        body = unexported.body();

        // Inserting a return never makes invalid code valid: when the plain body fails, so do the others.
        Wrapped plain = new Wrapped(PREFIX + body + SUFFIX, false, 0, 0);
        if (!check.parses(plain.source())) return null;
        Wrapped lastExpression = returnLastExpression(body, starts, check);
        return lastExpression != null ? lastExpression : plain;
    }

    /** The plain wrapper, used to report the parser's own syntax error. */
    static String plain(String body) {
        return PREFIX + body + SUFFIX;
    }

    /** The {@link Wrapped#functionBody()} of the plain wrapper. */
    static String plainBody(String body) {
        return new Wrapped(plain(body), false, 0, 0).functionBody();
    }

    private record Unexported(String body, boolean hasDefault) {}

    /**
     * Rewrites {@code export default X} to {@code return X} and drops other {@code export} keywords,
     * padding with spaces so no column moves.
     */
    private static Unexported unexport(String body, List<Integer> starts) {
        StringBuilder out = new StringBuilder(body);
        boolean hasDefault = false;
        for (int start : starts) {
            if (!JsScanner.tokenAt(body, start).equals("export")) continue;
            int after = skipSpace(body, start + "export".length());
            if (JsScanner.tokenAt(body, after).equals("default")) {
                int end = after + "default".length();
                out.replace(start, end, pad(RETURN.strip(), end - start));
                hasDefault = true;
            } else {
                out.replace(start, start + "export".length(), pad("", "export".length()));
            }
        }
        return new Unexported(out.toString(), hasDefault);
    }

    /**
     * Inserts {@code return} before the last statement when it is an expression. Candidates are tried from
     * the end: a line led by an operator continues the previous one, and a keyword-led statement ends the
     * search (it has no value, and returning an earlier statement would skip it).
     */
    private static Wrapped returnLastExpression(String body, List<Integer> starts, SyntaxCheck check) {
        int attempts = 0;
        for (int i = starts.size() - 1; i >= 0 && attempts < MAX_RETURN_ATTEMPTS; i--) {
            int start = starts.get(i);
            String token = JsScanner.tokenAt(body, start);
            // An empty statement (the `;` after `async () => { … };`) has no value: look before it.
            if (token.equals(";")) continue;
            if (STATEMENT_KEYWORDS.contains(token)) return null;
            if (!JsScanner.isWordChar(token.charAt(0)) && !startsExpression(token.charAt(0))
                    && !afterSemicolon(body, start)) continue;
            // A last expression whose value is a function (`async () => {…}` after some setup), or a
            // trailing function declaration: the agent sent a function to be called — a function itself
            // has no JSON value to return.
            attempts++;
            String candidate = body.substring(0, start) + RETURN + body.substring(start);
            Wrapped wrapped = new Wrapped(PREFIX + candidate + SUFFIX, true, lineOf(body, start), columnOf(body, start));
            if (check.parses(wrapped.source())) return wrapped;
        }
        return null;
    }

    /** Characters that start an expression statement but never continue the previous line's expression. */
    private static boolean startsExpression(char c) {
        return c == '"' || c == '\'' || c == '!' || c == '~' || c == '@' || c == '#';
    }

    /** After a semicolon (or at the very start) even {@code (} or {@code [} must begin a new statement. */
    private static boolean afterSemicolon(String s, int offset) {
        int i = offset - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        return i < 0 || s.charAt(i) == ';';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static String pad(String word, int width) {
        return word + " ".repeat(width - word.length());
    }

    private static int lineOf(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    private static int columnOf(String s, int offset) {
        return offset - (s.lastIndexOf('\n', offset - 1) + 1) + 1;
    }
}
