package dev.paddock.config;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * One upstream MCP server a profile grants, in Paddock's entry shape: a Claude Desktop / Cursor style entry
 * ({@code command}/{@code args}/{@code env}/{@code cwd} or {@code url}/{@code headers}, plus {@code tools}).
 * It was written in paddock.json, or in a client's config file named by {@code --mcp-config} and translated
 * by {@link ImportedServers}; either way it knows its own file, so a mistake found later is reported there.
 * A profile's entry that only narrows {@code tools} has been joined to the top-level definition of that
 * name already, so {@link #entry} is always complete.
 */
public final class McpServerEntry {
    private final String name;
    private final JsonNode entry;
    private final String path;
    private final LocatedJson file;
    private final Path baseDir;

    McpServerEntry(String name, JsonNode entry, String path, LocatedJson file, Path baseDir) {
        this.name = name;
        this.entry = entry;
        this.path = path;
        this.file = file;
        this.baseDir = baseDir;
    }

    public String name() {
        return name;
    }

    public JsonNode entry() {
        return entry;
    }

    /** JSON path of the definition in its file ({@code mcpServers.memory}, {@code servers.memory}). */
    public String path() {
        return path;
    }

    /** Where the definition is written, for messages: {@code paddock.json:12:5}. */
    public String origin() {
        return file.problemAtValue(path, "").place();
    }

    /** What a relative {@code cwd} resolves against: the folder of the file the entry is written in. */
    public Path baseDir() {
        return baseDir;
    }

    /** A mistake at {@code key} inside the entry ({@code env.TOKEN}, {@code args[2]}; "" for the entry). */
    public ConfigException error(String key, String message) {
        String at = key.isEmpty() ? path : path + (key.startsWith("[") ? "" : ".") + key;
        return file.atValue(at, at + ": " + message);
    }

    /** The same definition with another body, e.g. a profile's narrower {@code tools}. */
    McpServerEntry withEntry(JsonNode body) {
        return new McpServerEntry(name, body, path, file, baseDir);
    }
}
