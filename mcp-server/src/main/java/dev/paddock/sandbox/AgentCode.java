package dev.paddock.sandbox;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code as the agent sent it, and the part of it that runs: agents often wrap code in one markdown
 * fence, which is dropped here while remembering where the body starts so errors still name the agent's
 * own line numbers. A hashbang line ({@code #!/usr/bin/env node}) becomes a comment: it is valid only at
 * the very start of a script, and the code runs as the body of a function.
 *
 * @param original      the text exactly as sent
 * @param body          the text without a surrounding fence
 * @param linesBefore   how many lines of {@code original} precede the first line of {@code body}
 * @param fence         the opening fence, or null when the code has none
 */
record AgentCode(String original, String body, int linesBefore, Fence fence) {

    /** Labels of fenced code that Paddock runs: JavaScript or TypeScript; no label means JavaScript. */
    private static final Set<String> RUNNABLE_LANGUAGES = Set.of(
            "", "js", "javascript", "ts", "typescript", "mjs", "cjs", "mts", "cts", "jsx", "tsx", "node");

    /** A fence line: three or more backticks or tildes, then an info string whose first word is the language. */
    private static final Pattern OPENING_FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*)[^`]*$");

    /**
     * The opening fence of fenced code.
     *
     * @param line      1-based line of the fence in the original
     * @param language  its label as written ("" when none)
     * @param column    1-based column of the label (of the fence when it has none)
     * @param textAfter 1-based line of the first text after the closing fence, or 0 when there is none
     */
    record Fence(int line, String language, int column, int textAfter) {

        /** JavaScript or TypeScript, the languages Paddock runs. */
        boolean runnable() {
            return RUNNABLE_LANGUAGES.contains(language.toLowerCase());
        }
    }

    static AgentCode of(String original) {
        List<String> lines = original.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        Matcher opening = first == lines.size() ? null : OPENING_FENCE.matcher(lines.get(first));
        if (opening == null || !opening.matches() || isJavaScriptTildes(opening)) {
            return new AgentCode(original, withoutHashbang(original), 0, null);
        }
        String marker = opening.group(2);
        int last = lines.size() - 1;
        while (last > first && lines.get(last).isBlank()) last--;
        // The last closing line ends the block, so a fence line inside a template literal stays code.
        int closing = last;
        while (closing > first && !closes(lines.get(closing), marker)) closing--;
        int end = closing > first ? closing : last + 1;
        int textAfter = 0;
        if (closing > first && closing < last) {
            textAfter = closing + 1;
            while (lines.get(textAfter).isBlank()) textAfter++;
            textAfter++;
        }
        String body = String.join("\n", lines.subList(first + 1, end));
        int labelColumn = opening.group(3).isEmpty() ? opening.end(1) + 1 : opening.start(3) + 1;
        return new AgentCode(original, withoutHashbang(body), first + 1,
                new Fence(first + 1, opening.group(3), labelColumn, textAfter));
    }

    /**
     * Backticks never start meaningful JavaScript ({@code ```x} tags a template with an empty one), but
     * {@code ~~~x} is JavaScript: a line of tildes is a fence only when labelled with a language Paddock runs.
     */
    private static boolean isJavaScriptTildes(Matcher opening) {
        return opening.group(2).charAt(0) == '~' && (opening.group(3).isEmpty()
                || !RUNNABLE_LANGUAGES.contains(opening.group(3).toLowerCase()));
    }

    /** A closing fence: the opening's character, at least as many times, and nothing else. */
    private static boolean closes(String line, String marker) {
        String s = line.strip();
        return s.length() >= marker.length() && s.chars().allMatch(c -> c == marker.charAt(0));
    }

    /** {@code #!} turned into {@code //}: the same line and columns, now a comment. */
    private static String withoutHashbang(String body) {
        return body.startsWith("#!") ? "//" + body.substring(2) : body;
    }

    /** A 1-based body line as a 1-based line of the original text. */
    int originalLine(int bodyLine) {
        return bodyLine + linesBefore;
    }

    /** The text of a 1-based line of the original code, or null when there is no such line. */
    String sourceLine(int line) {
        List<String> lines = original.lines().toList();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }

    /** The size of code as sent, in UTF-8 bytes: what {@link Limits#maxCodeBytes()} counts. */
    static long utf8Bytes(String code) {
        long bytes = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < code.length() && Character.isLowSurrogate(code.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }
}
