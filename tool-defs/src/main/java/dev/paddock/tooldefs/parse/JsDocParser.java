package dev.paddock.tooldefs.parse;

import dev.paddock.tooldefs.Diagnostic;
import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes a JSDoc comment apart into a {@link Doc}. Constraint tags are checked here, where the
 * comment's position is known, so a bad {@code @minimum abc} points at its own line.
 */
final class JsDocParser {

    private static final Pattern PARAM = Pattern.compile(
            "(?s)(?:\\{[^}]*}\\s*)?\\[?([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)(?:=[^\\]]*)?]?\\s*(?:-\\s+)?(.*)");

    private final Source source;
    private final List<Diagnostic> errors;

    JsDocParser(Source source, List<Diagnostic> errors) {
        this.source = source;
        this.errors = errors;
    }

    Doc parse(String raw, int rawOffset) {
        if (raw == null) return Doc.EMPTY;
        List<String> summary = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        String returns = null;
        String deprecated = null;

        // "*\/" is how a rendered comment carries "*/" inside it without ending the comment.
        List<TagText> blocks = blocks(raw.replace("*\\/", "*/"), rawOffset, summary);
        for (TagText block : blocks) {
            String text = block.text().strip();
            switch (block.tag()) {
                case "param", "arg", "argument" -> {
                    var m = PARAM.matcher(text);
                    if (m.matches()) {
                        params.put(m.group(1), m.group(2).strip());
                    } else {
                        error(block, "@param needs a parameter name: @param name description");
                    }
                }
                case "returns", "return" -> returns = withoutType(text);
                case "deprecated" -> deprecated = text;
                case "example" -> examples.add(stripIndent(block.text()));
                default -> {
                    if (Doc.SCHEMA_TAGS.contains(block.tag())) {
                        String problem = Doc.invalidTagValue(block.tag(), text);
                        if (problem == null) tags.put(block.tag(), text);
                        else error(block, problem);
                    } else {
                        // Tags with no schema meaning (@see, @since, …) stay readable in the summary.
                        summary.add("@" + block.tag() + (text.isEmpty() ? "" : " " + text));
                    }
                }
            }
        }
        return new Doc(String.join("\n", summary).strip(), params, returns, deprecated, examples, tags);
    }

    private record TagText(String tag, String text, int offset) {}

    /** Tags also recognised in the middle of a line, so a short comment fits on one line. */
    private static final Set<String> INLINE_TAGS = inlineTags();
    private static final Pattern TAG_START = Pattern.compile("(?<=^|\\s)(?<!\\\\)@([A-Za-z]+)");

    /**
     * Splits the comment into the summary lines and one block per tag. A tag starts a line, or follows
     * whitespace mid-line when it is one of {@link #INLINE_TAGS}; {@code \\@} is a literal {@code @}.
     */
    private static List<TagText> blocks(String raw, int rawOffset, List<String> summary) {
        List<TagText> blocks = new ArrayList<>();
        TagText current = null;
        int lineOffset = rawOffset;
        for (String rawLine : raw.split("\n", -1)) {
            String line = stripDecoration(rawLine);
            int lineStart = lineOffset + Math.max(0, rawLine.indexOf(line.isEmpty() ? "\0" : line));
            lineOffset += rawLine.length() + 1;
            for (TagText segment : segments(line, lineStart)) {
                if (segment.tag() != null) {
                    if (current != null) blocks.add(current);
                    current = segment;
                } else if (current == null) {
                    summary.add(segment.text());
                } else {
                    current = new TagText(current.tag(), current.text() + "\n" + segment.text(), current.offset());
                }
            }
        }
        if (current != null) blocks.add(current);
        while (!summary.isEmpty() && summary.getLast().isBlank()) summary.removeLast();
        return blocks;
    }

    /** One line cut at its tags: plain text first (tag null) unless the line starts with a tag. */
    private static List<TagText> segments(String line, int lineStart) {
        List<TagText> segments = new ArrayList<>();
        var m = TAG_START.matcher(line);
        String tag = null;
        int tagOffset = 0;
        int from = 0;
        while (m.find()) {
            if (m.start() > 0 && !INLINE_TAGS.contains(m.group(1))) continue;
            if (m.start() > 0) segments.add(new TagText(tag, unescape(line.substring(from, m.start()).stripTrailing()), tagOffset));
            tag = m.group(1);
            tagOffset = lineStart + m.start();
            from = m.end();
        }
        segments.add(new TagText(tag, unescape(line.substring(from)), tagOffset));
        return segments;
    }

    private static String unescape(String text) {
        return text.replace("\\@", "@");
    }

    private static Set<String> inlineTags() {
        Set<String> tags = new java.util.HashSet<>(Doc.SCHEMA_TAGS);
        tags.addAll(List.of("param", "returns", "return", "deprecated"));
        return Set.copyOf(tags);
    }

    /** Removes the leading {@code *} decoration and one space after it; keeps further indentation. */
    private static String stripDecoration(String line) {
        String s = line.stripLeading();
        if (s.startsWith("*")) {
            s = s.substring(1);
            if (s.startsWith(" ")) s = s.substring(1);
        } else {
            s = s.strip();
        }
        return s.stripTrailing();
    }

    /** {@code {Promise<Item>} the item} → {@code the item}: the declaration already states the type. */
    private static String withoutType(String text) {
        if (!text.startsWith("{")) return text;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '{') depth++;
            if (text.charAt(i) == '}' && --depth == 0) return text.substring(i + 1).strip();
        }
        return text;
    }

    private static String stripIndent(String text) {
        String t = text;
        while (t.startsWith("\n")) t = t.substring(1);
        return t.stripTrailing();
    }

    private void error(TagText block, String message) {
        errors.add(source.diagnostic(block.offset(), message));
    }
}
