package dev.paddock.config;

import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The settings in {@code paddock.json}. Relative paths inside the file mean paths next to the file, not
 * next to wherever Paddock happened to be started, so {@link #resolve} is the only way to read one.
 *
 * Holds the profiles (the default one is the top level), the plugin jars (resolved), the raw {@code http}
 * section for the HTTP transport, the sandbox's capacity, the logging settings, and the directory relative
 * paths resolve against.
 */
public final class PaddockConfig {
    private final Map<String, Profile> profiles;
    private final List<Path> plugins;
    private final JsonNode http;
    private final Capacity capacity;
    private final LogSettings logging;
    private final Path baseDir;
    private final Optional<LocatedJson> source;

    PaddockConfig(Map<String, Profile> profiles, List<Path> plugins, JsonNode http, Capacity capacity, LogSettings logging,
            Path baseDir, Optional<LocatedJson> source) {
        this.profiles = Map.copyOf(profiles);
        this.plugins = List.copyOf(plugins);
        this.http = http;
        this.capacity = capacity;
        this.logging = logging;
        this.baseDir = baseDir;
        this.source = source;
    }

    public Map<String, Profile> profiles() {
        return profiles;
    }

    public List<Path> plugins() {
        return plugins;
    }

    public JsonNode http() {
        return http;
    }

    /** The "sandbox" section: execution threads, isolate cap and heap-pressure threshold for the process. */
    public Capacity capacity() {
        return capacity;
    }

    /** The "logging" section: level and format of the server's own log on stderr. */
    public LogSettings logging() {
        return logging;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** No file: default limits, nothing granted, paths relative to the working directory. */
    public static PaddockConfig defaults() {
        Profile profile = new Profile(Profile.DEFAULT, Limits.DEFAULTS, Map.of(), false, MissingNode.getInstance(), "",
                Map.of());
        return new PaddockConfig(Map.of(Profile.DEFAULT, profile), List.of(), MissingNode.getInstance(),
                Capacity.defaults(), LogSettings.DEFAULTS, Path.of("").toAbsolutePath(), Optional.empty());
    }

    /** No file, and the servers of {@code --mcp-config} files in the default profile. */
    public static PaddockConfig defaults(ImportedServers imported) throws ConfigException {
        PaddockConfig defaults = defaults();
        List<ConfigException> problems = new java.util.ArrayList<>();
        Profile profile = imported.into(defaults.defaultProfile(), problems);
        ConfigException.throwIfAny(problems);
        return new PaddockConfig(Map.of(Profile.DEFAULT, profile), List.of(), defaults.http, defaults.capacity, defaults.logging,
                defaults.baseDir, Optional.empty());
    }

    public static PaddockConfig load(Path file) throws ConfigException {
        return load(file, ImportedServers.NONE);
    }

    /**
     * paddock.json with the servers of {@code --mcp-config} files after its own top-level {@code mcpServers}, so
     * its named profiles may refer to them by name too; a name both define is a mistake naming both places.
     */
    public static PaddockConfig load(Path file, ImportedServers imported) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file (" + e + ")");
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return new ConfigReader(LocatedJson.parse(file.getFileName().toString(), text)).read(dir, imported);
    }

    /** This config with {@code name} also granted, without settings, to the default profile (if not yet). */
    public PaddockConfig grantingByDefault(String name) {
        Profile d = defaultProfile();
        if (d.capabilities().containsKey(name)) return this;
        var capabilities = new java.util.LinkedHashMap<>(d.capabilities());
        capabilities.put(name, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        var profiles = new java.util.LinkedHashMap<>(this.profiles);
        profiles.put(Profile.DEFAULT, new Profile(d.name(), d.limits(), capabilities, d.exposeAsTools(), d.egress(), d.configPath(),
                d.mcpServers()));
        return new PaddockConfig(profiles, plugins, http, capacity, logging, baseDir, source);
    }

    /** The profile of stdio and token-less HTTP connections. */
    public Profile defaultProfile() {
        return profiles.get(Profile.DEFAULT);
    }

    /** The default profile's limits. */
    public Limits limits() {
        return defaultProfile().limits();
    }

    /** A path written in the config file, made absolute against the file's own directory. */
    public Path resolve(String pathInConfig) {
        return baseDir.resolve(pathInConfig).normalize();
    }

    /**
     * An error about the value at a JSON path of this file, with its line and column — for checks that run
     * after loading (capability settings, egress rules, HTTP settings).
     */
    public ConfigException error(String jsonPath, String message) {
        return source.map(s -> s.atValue(jsonPath, jsonPath + ": " + message))
                .orElseGet(() -> new ConfigException(jsonPath + ": " + message));
    }
}
