package dev.paddock.capability;

import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP content (an image, audio, an embedded resource) a capability returns. Agent code receives it as plain
 * data, {@code {"$type": "mcp-content", "content": {"type": "image", …}}}; when the agent returns it (anywhere
 * in its result), the execute tool result carries it as a real MCP content item for the client to show.
 */
public final class RichContent {
    public static final String TYPE = "mcp-content";

    private RichContent() {}

    static JsonNode wrap(McpSchema.Content content, JsonMapper json) {
        ObjectNode wrapped = json.createObjectNode();
        wrapped.put("$type", TYPE);
        wrapped.set("content", json.valueToTree(content));
        return wrapped;
    }

    /** True for a value agent code got from {@link #wrap} (and possibly passed along). */
    public static boolean isWrapped(JsonNode node) {
        return node.isObject() && TYPE.equals(node.path("$type").asString(null)) && node.path("content").isObject();
    }
}
