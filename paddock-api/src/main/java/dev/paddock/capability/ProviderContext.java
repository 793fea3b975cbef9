package dev.paddock.capability;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * What a provider knows when it creates a capability.
 *
 * @param settings  the JSON object under {@code capabilities.<name>} (an empty object when none)
 * @param configDir the folder of paddock.json: relative paths in settings resolve against it
 * @param profile   the connection's profile ("default" for stdio and token-less HTTP)
 */
public record ProviderContext(JsonNode settings, Path configDir, String profile) {

    /** A path from the settings, resolved against the config file's folder when relative. */
    public Path resolve(String path) {
        return configDir.resolve(path).normalize();
    }
}
