package dev.paddock.config;

import dev.paddock.sandbox.Limits;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a connection gets: its limits, the capabilities granted to it (name → settings object), whether
 * those are also exposed as direct MCP tools, and its egress rules. Stdio connections and token-less HTTP
 * use the {@code default} profile, which is the top level of paddock.json; HTTP tokens map to named
 * profiles under {@code "profiles"}. A named profile starts from the defaults — it does not inherit the
 * top level — so what a token may do is spelled out in one place.
 *
 * @param configPath JSON path of the profile in paddock.json ("" for the top level), for error messages
 */
public record Profile(String name, Limits limits, Map<String, JsonNode> capabilities, boolean exposeAsTools,
        JsonNode egress, String configPath) {
    public static final String DEFAULT = "default";

    public Profile {
        capabilities = Map.copyOf(capabilities);
    }

    /** JSON path of a key inside this profile, e.g. "profiles.team-a.capabilities.files". */
    public String path(String key) {
        return LocatedJson.child(configPath, key);
    }
}
