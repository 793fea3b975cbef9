package dev.paddock.upstream;

import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.RichContent;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What agent code receives from an upstream tool call (README "Your MCP servers inside execute"):
 * <ul>
 * <li>{@code isError} → a thrown {@code Error} with the server's text and {@code code: "UPSTREAM_ERROR"};</li>
 * <li>{@code structuredContent} → that value;</li>
 * <li>text → the text parsed as JSON where it parses, else the string;</li>
 * <li>an image, audio, resource link or embedded resource →
 *     {@code {"$type": "mcp-content", "type", "mimeType", "size", "content"}}: size in bytes of the data, the
 *     data itself only in {@code content}, so it reaches the model only if the code returns it (and then as
 *     a real content item, not text);</li>
 * <li>one content item → that item's value; several → an array of them.</li>
 * </ul>
 */
final class UpstreamResults {
    static final String UPSTREAM_ERROR = "UPSTREAM_ERROR";
    /** JSON-RPC error code of a response too large to read ({@link ChildProcessTransport}). */
    static final int TOO_LARGE = -32099;
    private static final JsonMapper JSON = JsonMapper.shared();

    private UpstreamResults() {}

    static JsonNode toValue(String qualifiedName, CallToolResult result) {
        List<Content> content = result.content() == null ? List.of() : result.content();
        if (Boolean.TRUE.equals(result.isError())) {
            String text = content.stream().filter(c -> c instanceof McpSchema.TextContent)
                    .map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining("\n"));
            throw new CapabilityException(UPSTREAM_ERROR, qualifiedName + " failed upstream: "
                    + (text.isBlank() ? "the server reported an error without a message" : text));
        }
        if (result.structuredContent() != null) return JSON.valueToTree(result.structuredContent());
        if (content.size() == 1) return item(content.get(0));
        ArrayNode items = JSON.createArrayNode();
        content.forEach(c -> items.add(item(c)));
        return items;
    }

    private static JsonNode item(Content content) {
        if (content instanceof McpSchema.TextContent text) return textValue(text.text());
        ObjectNode wrapped = (ObjectNode) RichContent.wrap(content);
        wrapped.put("type", content.type());
        switch (content) {
            case McpSchema.ImageContent image -> described(wrapped, image.mimeType(), base64Bytes(image.data()));
            case McpSchema.AudioContent audio -> described(wrapped, audio.mimeType(), base64Bytes(audio.data()));
            case McpSchema.ResourceLink link -> described(wrapped, link.mimeType(), link.size() == null ? -1 : link.size());
            case McpSchema.EmbeddedResource embedded -> {
                McpSchema.ResourceContents resource = embedded.resource();
                long size = switch (resource) {
                    case McpSchema.BlobResourceContents blob -> base64Bytes(blob.blob());
                    case McpSchema.TextResourceContents text -> text.text().getBytes(StandardCharsets.UTF_8).length;
                    default -> -1;
                };
                described(wrapped, resource.mimeType(), size);
            }
            default -> described(wrapped, null, -1);
        }
        return wrapped;
    }

    private static void described(ObjectNode wrapped, String mimeType, long size) {
        if (mimeType == null) wrapped.putNull("mimeType");
        else wrapped.put("mimeType", mimeType);
        if (size < 0) wrapped.putNull("size");
        else wrapped.put("size", size);
    }

    /** The decoded size of base64 data, without decoding it. */
    private static long base64Bytes(String data) {
        if (data == null) return 0;
        int padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
        return (long) data.length() * 3 / 4 - padding;
    }

    private static JsonNode textValue(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"") || trimmed.equals("true")
                || trimmed.equals("false") || trimmed.equals("null") || trimmed.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JacksonException e) {
                // not JSON after all: the text as it is
            }
        }
        return StringNode.valueOf(text);
    }
}
