package dev.paddock.transport;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import tools.jackson.databind.json.JsonMapper;

/** The MCP SDK's view of the one JSON mapper Paddock uses, {@link JsonMapper#shared()}. */
public final class McpJson {
    public static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(JsonMapper.shared());

    private McpJson() {}
}
