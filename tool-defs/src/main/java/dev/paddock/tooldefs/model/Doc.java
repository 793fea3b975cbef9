package dev.paddock.tooldefs.model;

import java.util.List;
import java.util.Map;

/**
 * A JSDoc comment taken apart. {@code tags} holds the tags that become JSON Schema keywords
 * ({@code minimum}, {@code pattern}, {@code format}, {@code default}, …) in source order, keyed by
 * keyword; {@code params} maps {@code @param} names (also dotted {@code input.field}) to their text.
 * {@code deprecated} is null when the tag is absent and "" when it has no text.
 */
public record Doc(String summary, Map<String, String> params, String returns, String deprecated,
        List<String> examples, Map<String, String> tags) {

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
