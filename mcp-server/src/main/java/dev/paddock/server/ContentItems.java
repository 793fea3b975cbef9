package dev.paddock.server;

import dev.paddock.capability.RichContent;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns MCP content that capabilities returned ({@link RichContent}: images, audio, embedded resources) back
 * into real tool-result content items, for `execute` results and direct tool calls alike, so the client can
 * show them instead of reading base64 inside JSON.
 */
final class ContentItems {
    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * The items when the value is nothing but content (one item, or a non-empty array of items), as a direct
     * tool that returns an image or a list of text, image and resource does; otherwise null.
     */
    List<McpSchema.Content> whole(JsonNode value) {
        if (RichContent.isWrapped(value)) {
            McpSchema.Content item = content(value);
            return item == null ? null : List.of(item);
        }
        if (!value.isArray() || value.isEmpty()) return null;
        List<McpSchema.Content> items = new ArrayList<>();
        for (JsonNode element : value) {
            McpSchema.Content item = RichContent.isWrapped(element) ? content(element) : null;
            if (item == null) return null;
            items.add(item);
        }
        return items;
    }

    /**
     * Moves the content found anywhere inside the value out into items, leaving
     * {@code {"$type": "mcp-content", "type": "image", "item": N}} where each was (N its index in the tool
     * result's content, counting from {@code firstItem}), so the JSON stays small and points at the item.
     * Wrapped data the SDK cannot read as content stays as it was.
     */
    List<McpSchema.Content> liftInPlace(JsonNode value, int firstItem) {
        List<McpSchema.Content> lifted = new ArrayList<>();
        liftChildren(value, firstItem, lifted);
        return lifted;
    }

    private void liftChildren(JsonNode node, int firstItem, List<McpSchema.Content> lifted) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (RichContent.isWrapped(node.get(i))) ((ArrayNode) node).set(i, lift(node.get(i), firstItem, lifted));
                else liftChildren(node.get(i), firstItem, lifted);
            }
        } else if (node.isObject()) {
            for (String name : List.copyOf(node.propertyNames())) {
                JsonNode child = node.get(name);
                if (RichContent.isWrapped(child)) ((ObjectNode) node).set(name, lift(child, firstItem, lifted));
                else liftChildren(child, firstItem, lifted);
            }
        }
    }

    private JsonNode lift(JsonNode wrapped, int firstItem, List<McpSchema.Content> lifted) {
        McpSchema.Content item = content(wrapped);
        if (item == null) return wrapped;
        lifted.add(item);
        ObjectNode reference = JSON.createObjectNode();
        reference.put("$type", RichContent.TYPE);
        reference.put("type", wrapped.at("/content/type").asString(""));
        reference.put("item", firstItem + lifted.size() - 1);
        return reference;
    }

    private McpSchema.Content content(JsonNode wrapped) {
        try {
            return JSON.treeToValue(wrapped.get("content"), McpSchema.Content.class);
        } catch (RuntimeException e) {
            return null; // not content the SDK knows: the caller leaves the data as it was
        }
    }
}
