package dev.paddock.tooldefs.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSDoc comment taken apart. {@code tags} holds the tags that become JSON Schema keywords
 * ({@code minimum}, {@code pattern}, {@code format}, {@code default}, …) in source order, keyed by
 * keyword; {@code params} maps {@code @param} names (also dotted {@code input.field}) to their text.
 * {@code deprecated} is null when the tag is absent and "" when it has no text.
 */
public record Doc(String summary, Map<String, String> params, String returns, String deprecated,
        List<String> examples, Map<String, String> tags) {

    /** Tags whose value is a number, and the JSON Schema keyword each becomes (same name). */
    public static final Set<String> NUMBER_TAGS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");
    /** Tags whose value is a count (non-negative integer). */
    public static final Set<String> COUNT_TAGS = Set.of("minLength", "maxLength", "minItems", "maxItems",
            "minProperties", "maxProperties");
    /** Every tag that becomes a JSON Schema keyword, in the order they are written back. */
    public static final List<String> SCHEMA_TAGS = List.of("format", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems",
            "minProperties", "maxProperties", "default");

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /**
     * The kind of value ({@code number}, {@code string}, {@code array}, {@code object}) that constraint
     * tag {@code tag} constrains, or null for tags that go with any type ({@code format}, {@code default}).
     */
    public static String constrainedKind(String tag) {
        return switch (tag) {
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> "number";
            case "minLength", "maxLength", "pattern" -> "string";
            case "minItems", "maxItems" -> "array";
            case "minProperties", "maxProperties" -> "object";
            default -> null;
        };
    }

    /** True when tag {@code tag} constrains a value of one of the JSON Schema {@code types}. */
    public static boolean constrains(String tag, List<String> types) {
        String kind = constrainedKind(tag);
        return kind == null || types.contains(kind) || kind.equals("number") && types.contains("integer");
    }

    /** Why {@code value} cannot be the value of schema tag {@code tag}, or null when it can. */
    public static String invalidTagValue(String tag, String value) {
        if (NUMBER_TAGS.contains(tag)) {
            return NUMBER.matcher(value).matches() ? null : "@" + tag + " needs a number, got '" + value + "'";
        }
        if (COUNT_TAGS.contains(tag)) {
            return value.matches("\\d{1,9}") ? null : "@" + tag + " needs a non-negative integer, got '" + value + "'";
        }
        return switch (tag) {
            case "format" -> value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)
                    ? "@format needs one word, e.g. @format date-time" : null;
            case "pattern" -> {
                try {
                    java.util.regex.Pattern.compile(value);
                    yield null;
                } catch (java.util.regex.PatternSyntaxException e) {
                    yield "@pattern is not a valid regular expression: " + e.getDescription();
                }
            }
            default -> null;
        };
    }

    public static final Doc EMPTY = new Doc("", Map.of(), null, null, List.of(), Map.of());

    public Doc {
        summary = summary == null ? "" : summary;
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        examples = List.copyOf(examples);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    public static Doc summary(String text) {
        return new Doc(text, Map.of(), null, null, List.of(), Map.of());
    }

    public boolean isEmpty() {
        return summary.isEmpty() && params.isEmpty() && returns == null && deprecated == null
                && examples.isEmpty() && tags.isEmpty();
    }
}
