package dev.paddock.config;

import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns paddock.json into a {@link PaddockConfig}. The file's shape — keys, types, ranges, profile names — is
 * checked first, all at once, by {@link ConfigSchema} against paddock.schema.json, so the reading below can
 * trust it. Capability settings, egress rules and the http section are then checked by their owners, who
 * report at the setting's line and column through {@link PaddockConfig#error} and gather every mistake
 * into one {@link ConfigException} ({@link ConfigException#of}). When the schema rejects parts of the file,
 * the rest is still read and handed on with the mistakes ({@link ConfigException#rest}), so those owners
 * can check it in the same run.
 */
final class ConfigReader {
    private final LocatedJson json;

    ConfigReader(LocatedJson json) {
        this.json = json;
    }

    PaddockConfig read(Path baseDir, ImportedServers imported) throws ConfigException {
        ConfigSchema.Checked checked = ConfigSchema.check(json);
        if (checked.problems().isEmpty()) return readShaped(baseDir, imported);
        var shape = new ConfigException(checked.problems());
        PaddockConfig rest;
        try {
            rest = new ConfigReader(json.withRoot(checked.valid())).readShaped(baseDir, imported);
        } catch (ConfigException e) {
            throw ConfigException.of(List.of(shape, e));
        }
        throw shape.withRest(rest);
    }

    private PaddockConfig readShaped(Path baseDir, ImportedServers imported) throws ConfigException {
        JsonNode root = json.root();
        Map<String, Profile> profiles = new LinkedHashMap<>();
        List<ConfigException> problems = new ArrayList<>();
        Profile top = imported.into(profile(Profile.DEFAULT, root, "", baseDir), problems);
        profiles.put(Profile.DEFAULT, top);
        for (var named : root.path("profiles").properties()) {
            profiles.put(named.getKey(), inheriting(top, root, named.getKey(), named.getValue(), baseDir, problems));
        }
        ConfigException.throwIfAny(problems);
        List<Path> plugins = new ArrayList<>();
        for (JsonNode jar : root.path("plugins")) plugins.add(baseDir.resolve(jar.asString()).normalize());
        return new PaddockConfig(profiles, plugins, root.path("http"), capacity(root.path("sandbox")), logging(root.path("logging")),
                baseDir, Optional.of(json));
    }

    private Profile profile(String name, JsonNode body, String path, Path baseDir) {
        JsonNode egress = body.path("egress");
        Map<String, McpServerEntry> servers = new LinkedHashMap<>();
        for (var server : body.path("mcpServers").properties()) {
            servers.put(server.getKey(), new McpServerEntry(server.getKey(), server.getValue(),
                    LocatedJson.child(LocatedJson.child(path, "mcpServers"), server.getKey()), json, baseDir));
        }
        return new Profile(name, limits(body.path("limits"), Limits.DEFAULTS), capabilities(body),
                body.path("exposeAsTools").asBoolean(false), egress.isMissingNode() ? MissingNode.getInstance() : egress, path,
                servers);
    }

    /**
     * A named profile: what it sets, else what the top level sets (limits key by key, egress and
     * exposeAsTools as a whole). Capabilities are not inherited: a profile grants only what it names. An
     * inherited egress section is checked, and any mistake in it reported, with the top level's.
     */
    private Profile inheriting(Profile top, JsonNode root, String name, JsonNode body, Path baseDir,
            List<ConfigException> problems) {
        String path = LocatedJson.child("profiles", name);
        JsonNode egress = body.has("egress") ? body.get("egress") : root.path("egress");
        return new Profile(name, limits(body.path("limits"), top.limits()), capabilities(body),
                body.has("exposeAsTools") ? body.get("exposeAsTools").asBoolean() : top.exposeAsTools(),
                egress.isMissingNode() ? MissingNode.getInstance() : egress, path,
                mcpServers(top, body, LocatedJson.child(path, "mcpServers"), baseDir, problems));
    }

    /**
     * A named profile's upstream servers: an entry with {@code command} or {@code url} is its own; one with
     * neither is the top-level server of that name, with this entry's {@code tools} (when given) instead.
     */
    private Map<String, McpServerEntry> mcpServers(Profile top, JsonNode body, String path, Path baseDir,
            List<ConfigException> problems) {
        Map<String, McpServerEntry> servers = new LinkedHashMap<>();
        for (var server : body.path("mcpServers").properties()) {
            String at = LocatedJson.child(path, server.getKey());
            JsonNode entry = server.getValue();
            if (entry.has("command") || entry.has("url")) {
                servers.put(server.getKey(), new McpServerEntry(server.getKey(), entry, at, json, baseDir));
                continue;
            }
            McpServerEntry defined = top.mcpServers().get(server.getKey());
            if (defined == null) {
                problems.add(json.atValue(at, at + ": no top-level server named \"" + server.getKey()
                        + "\" to refer to; define it under the top-level \"mcpServers\" or give this entry a command or url"
                        + (top.mcpServers().isEmpty() ? "" : " (top-level servers: " + String.join(", ", top.mcpServers().keySet()) + ")")));
                continue;
            }
            ObjectNode joined = ((ObjectNode) defined.entry()).deepCopy();
            if (entry.has("tools")) joined.set("tools", entry.get("tools"));
            servers.put(server.getKey(), defined.withEntry(joined));
        }
        return servers;
    }

    private static Map<String, JsonNode> capabilities(JsonNode body) {
        Map<String, JsonNode> capabilities = new LinkedHashMap<>();
        for (var granted : body.path("capabilities").properties()) capabilities.put(granted.getKey(), granted.getValue());
        return capabilities;
    }

    private static Limits limits(JsonNode node, Limits d) {
        return new Limits(millis(node, "wallTimeMs", d.wallTime()), millis(node, "cpuTimeMs", d.cpuTime()),
                (int) number(node, "maxResultBytes", d.maxResultBytes()), (int) number(node, "maxLogBytes", d.maxLogBytes()),
                (int) number(node, "maxLogLines", d.maxLogLines()), number(node, "maxAllocatedBytes", d.maxAllocatedBytes()),
                number(node, "maxRetainedBytes", d.maxRetainedBytes()), (int) number(node, "maxCodeBytes", d.maxCodeBytes()));
    }

    /** The top-level "sandbox" section: what all sessions of the process share. */
    private static Capacity capacity(JsonNode node) {
        Capacity d = Capacity.defaults();
        return new Capacity((int) number(node, "threads", d.threads()), (int) number(node, "maxIsolates", d.maxIsolates()),
                node.path("heapPressure").asDouble(d.heapPressure()), (int) number(node, "warmContexts", d.warmContexts()));
    }

    /** The top-level "logging" section; the schema allows only the lower-case names of the enums. */
    private static LogSettings logging(JsonNode node) {
        LogSettings d = LogSettings.DEFAULTS;
        Map<String, LogSettings.Level> loggers = new LinkedHashMap<>();
        for (var logger : node.path("loggers").properties()) loggers.put(logger.getKey(), level(logger.getValue()));
        return new LogSettings(node.has("level") ? level(node.get("level")) : d.level(),
                node.has("format") ? LogSettings.Format.valueOf(node.get("format").asString().toUpperCase(Locale.ROOT)) : d.format(),
                loggers);
    }

    private static LogSettings.Level level(JsonNode name) {
        return LogSettings.Level.valueOf(name.asString().toUpperCase(Locale.ROOT));
    }

    private static Duration millis(JsonNode section, String key, Duration fallback) {
        return section.has(key) ? Duration.ofMillis(section.get(key).asLong()) : fallback;
    }

    private static long number(JsonNode section, String key, long fallback) {
        return section.has(key) ? section.get(key).asLong() : fallback;
    }
}
