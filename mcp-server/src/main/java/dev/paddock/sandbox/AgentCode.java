package dev.paddock.sandbox;

import java.util.List;

/**
 * The code as the agent sent it, and the part of it that runs: agents often wrap code in one markdown
 * fence, which is dropped here while remembering where the body starts so errors still name the agent's
 * own line numbers.
 *
 * @param original      the text exactly as sent
 * @param body          the text without a surrounding fence
 * @param linesBefore   how many lines of {@code original} precede the first line of {@code body}
 */
record AgentCode(String original, String body, int linesBefore) {

    private static final List<String> FENCE_LANGUAGES =
            List.of("", "js", "javascript", "ts", "typescript", "mjs", "jsx", "tsx");

    static AgentCode of(String original) {
        List<String> lines = original.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size() || !isOpeningFence(lines.get(first))) return new AgentCode(original, original, 0);
        int last = lines.size() - 1;
        while (last > first && lines.get(last).isBlank()) last--;
        int end = last > first && lines.get(last).strip().equals("```") ? last : last + 1;
        String body = String.join("\n", lines.subList(first + 1, end));
        return new AgentCode(original, body, first + 1);
    }

    private static boolean isOpeningFence(String line) {
        String s = line.strip();
        return s.startsWith("```") && FENCE_LANGUAGES.contains(s.substring(3).strip().toLowerCase());
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
}
