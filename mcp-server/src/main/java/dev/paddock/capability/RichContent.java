package dev.paddock.capability;

import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP content (an image, audio, an embedded resource) a capability returns, alone, in a list, or anywhere
 * inside a returned value. Agent code receives it as plain data,
 * {@code {"$type": "mcp-content", "content": {"type": "image", …}}}; when the agent returns it (anywhere in its
 * result), the execute tool result carries it as a real MCP content item for the client to show, and so
 * does the result of a direct tool call.
 */
public final class RichContent {
    public static final String TYPE = "mcp-content";

    /** Writes MCP content in the wrapped form wherever it sits in a value; built once, it costs far more than a call. */
    static final JsonMapper WRITER = JsonMapper.shared().rebuild()
            .addModule(new SimpleModule("paddock-rich-content").addSerializer(McpSchema.Content.class,
                    new ValueSerializer<McpSchema.Content>() {
                        @Override
                        public void serialize(McpSchema.Content content, JsonGenerator out, SerializationContext context) {
                            out.writeTree(wrap(content));
                        }

                        /** Content is polymorphic ("type"); the wrapped form carries the type already. */
                        @Override
                        public void serializeWithType(McpSchema.Content content, JsonGenerator out,
                                SerializationContext context, TypeSerializer types) {
                            serialize(content, out, context);
                        }
                    }))
            .build();

    private RichContent() {}

    public static JsonNode wrap(McpSchema.Content content) {
        ObjectNode wrapped = JsonMapper.shared().createObjectNode();
        wrapped.put("$type", TYPE);
        wrapped.set("content", JsonMapper.shared().valueToTree(content));
        return wrapped;
    }

    /** True for a value agent code got from {@link #wrap} (and possibly passed along). */
    public static boolean isWrapped(JsonNode node) {
        return node.isObject() && TYPE.equals(node.path("$type").asString(null)) && node.path("content").isObject();
    }
}
