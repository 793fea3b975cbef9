package dev.paddock.sandbox;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BigInt literals that would make the engine compute for seconds inside one operation, which neither
 * the watchdog's interrupt nor closing the context stops ({@code 3n ** 60000000n} ran 78 s): refused before
 * the code runs. Operators cannot be guarded at run time and values computed at run time are not seen here
 * (docs/containment.md says what is and is not covered); BigInt() and toString() are guarded in the prelude.
 *
 * <p>The whole text is searched, strings, comments and template literals included: a scanner that skips
 * them can be led astray (is {@code a++ / 3n} a division or a regular expression?), while a false match in a
 * string only refuses code that spells out such a computation, and says where.
 */
final class BigIntLiterals {

    /** Digits of one literal: parsing is quadratic, and no real constant is this long. */
    static final int MAX_DIGITS = 1000;
    /** The exponent of {@code **}: 3n ** 2000000n took 0.6–4 s, 3n ** 10000n takes well under a millisecond. */
    static final BigInteger MAX_EXPONENT = BigInteger.valueOf(10_000);
    /** The count of {@code <<}: the same bit size that BigInt.prototype.toString accepts (prelude guards.js). */
    static final BigInteger MAX_SHIFT = BigInteger.valueOf(1 << 20);

    /** A BigInt literal: digits (with separators, or a 0x/0o/0b prefix) and n, not part of a longer word. */
    private static final Pattern LITERAL = Pattern.compile("(?<![\\w$.])(?:0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*)n(?![\\w$])");
    private static final List<String> OPERATORS = List.of("**=", "<<=", "**", "<<");

    private BigIntLiterals() {}

    /** Null when every BigInt literal in the body is within the limits; else why not, at the first that is not. */
    static ExecutionError check(AgentCode code) {
        String body = code.body();
        Matcher m = LITERAL.matcher(body);
        while (m.find()) {
            String problem = problem(m.group(), operatorBefore(body, m.start()));
            if (problem != null) return at(code, body, m.start(), problem);
        }
        return null;
    }

    /** The exponent or shift operator right before an offset, skipping spaces and opening parentheses; else "". */
    private static String operatorBefore(String body, int offset) {
        int i = offset - 1;
        while (i >= 0 && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == '(')) i--;
        for (String op : OPERATORS) {
            if (i + 1 >= op.length() && body.startsWith(op, i + 1 - op.length())) return op;
        }
        return "";
    }

    private static String problem(String text, String operator) {
        String digits = text.substring(0, text.length() - 1).replace("_", "");
        int radix = 10;
        if (digits.length() > 2 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                default -> 10;
            };
            digits = digits.substring(2);
        }
        if (digits.length() > MAX_DIGITS) {
            return "the BigInt literal has " + digits.length() + " digits, more than the " + MAX_DIGITS + " allowed";
        }
        BigInteger value;
        try {
            value = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return null; // not a literal after all; the parser has the last word
        }
        boolean exponent = operator.startsWith("**");
        BigInteger max = exponent ? MAX_EXPONENT : MAX_SHIFT;
        if (operator.isEmpty() || value.compareTo(max) <= 0) return null;
        return "the BigInt literal " + text + " as the " + (exponent ? "exponent of " : "count of ") + operator
                + " is more than the " + max + " allowed";
    }

    private static ExecutionError at(AgentCode code, String body, int offset, String problem) {
        int lineStart = body.lastIndexOf('\n', offset - 1) + 1;
        int bodyLine = 1;
        for (int i = 0; i < lineStart; i++) if (body.charAt(i) == '\n') bodyLine++;
        int line = code.originalLine(bodyLine);
        return new ExecutionError("runtime", "RangeError", problem + "; BigInt arithmetic runs inside the engine, "
                + "which cannot interrupt it, so an exponent or shift count (or a literal) this large is refused before "
                + "the code runs (docs/containment.md)", line, offset - lineStart + 1, code.sourceLine(line), false);
    }
}
