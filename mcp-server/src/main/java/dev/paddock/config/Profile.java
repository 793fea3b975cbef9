package dev.paddock.config;

import dev.paddock.sandbox.Limits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a connection gets: its limits, the capabilities granted to it (name → settings object), whether
 * those are also exposed as direct MCP tools, and its egress rules. Stdio connections and token-less HTTP
 * use the {@code default} profile, which is the top level of paddock.json; HTTP tokens map to named
 * profiles under {@code "profiles"}. A named profile starts from the defaults — it does not inherit the
 * top level — so what a token may do is spelled out in one place.
 *
 * Upstream MCP servers ({@code "mcpServers"}) are granted the same way: the top level's belong to the
 * default profile, and a named profile grants only the servers it names.
 *
 * @param configPath JSON path of the profile in paddock.json ("" for the top level), for error messages
 * @param mcpServers the upstream MCP servers granted, by their key, in file order
 */
public record Profile(String name, Limits limits, Map<String, JsonNode> capabilities, boolean exposeAsTools,
        JsonNode egress, String configPath, Map<String, McpServerEntry> mcpServers) {
    public static final String DEFAULT = "default";

    public Profile {
        capabilities = Map.copyOf(capabilities);
        mcpServers = Collections.unmodifiableMap(new LinkedHashMap<>(mcpServers));
    }

    /** JSON path of a key inside this profile, e.g. "profiles.team-a.capabilities.files". */
    public String path(String key) {
        return LocatedJson.child(configPath, key);
    }
}
