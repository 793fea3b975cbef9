package dev.paddock.config;

import tools.jackson.databind.JsonNode;

/**
 * One upstream MCP server a profile grants, as paddock.json wrote it: a Claude Desktop / Cursor style
 * entry ({@code command}/{@code args}/{@code env}/{@code cwd} or {@code url}/{@code headers}, plus
 * {@code tools}). A profile's entry that only narrows {@code tools} has been joined to the top-level
 * definition of that name already, so {@code entry} is always complete.
 *
 * @param path JSON path of the definition in paddock.json, for errors at its line and column
 */
public record McpServerEntry(String name, JsonNode entry, String path) {}
