package dev.paddock.config;

import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads paddock.json one method per object in the file, so every mistake is reported where it is:
 * "paddock.json:3:15: limits.wallTimeMs must be a positive integer (milliseconds)". Unknown keys are
 * errors too: a misspelt limit that is silently ignored is a limit that does not hold. Capability settings
 * and egress rules are only checked for shape here; their owners check the rest with
 * {@link PaddockConfig#error}.
 */
final class ConfigReader {
    private static final Set<String> PROFILE_KEYS = Set.of("limits", "capabilities", "exposeAsTools", "egress");
    private static final String TOP_KEYS = "$schema, limits, capabilities, exposeAsTools, egress, plugins, profiles, http, sandbox";
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final LocatedJson json;

    ConfigReader(LocatedJson json) {
        this.json = json;
    }

    PaddockConfig read(Path baseDir) throws ConfigException {
        JsonNode root = json.root();
        if (!root.isObject()) throw json.atValue("", "the config must be a JSON object");
        for (String key : root.propertyNames()) {
            if (!PROFILE_KEYS.contains(key) && !Set.of("$schema", "plugins", "profiles", "http", "sandbox").contains(key)) {
                throw unknownKey("", key, TOP_KEYS);
            }
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        profiles.put(Profile.DEFAULT, profile(Profile.DEFAULT, root, ""));
        JsonNode named = root.path("profiles");
        if (!named.isMissingNode()) {
            if (!named.isObject()) throw json.atValue("profiles", "profiles must be an object of profile name → settings");
            for (String name : named.propertyNames()) {
                String at = LocatedJson.child("profiles", name);
                if (name.equals(Profile.DEFAULT)) {
                    throw json.atKey(at, "the default profile is the top level of paddock.json; put its settings there");
                }
                if (!PROFILE_NAME.matcher(name).matches()) {
                    throw json.atKey(at, "profile name \"" + name + "\" must be 1-64 letters, digits, '-' or '_'");
                }
                JsonNode body = named.get(name);
                if (!body.isObject()) throw json.atValue(at, at + " must be an object");
                for (String key : body.propertyNames()) {
                    if (!PROFILE_KEYS.contains(key)) {
                        throw unknownKey(at, key, "limits, capabilities, exposeAsTools, egress");
                    }
                }
                profiles.put(name, profile(name, body, at));
            }
        }
        List<Path> plugins = plugins(root.path("plugins"), baseDir);
        JsonNode http = root.path("http");
        if (!http.isMissingNode() && !http.isObject()) throw json.atValue("http", "http must be an object");
        Capacity capacity = capacity(root.path("sandbox"));
        return new PaddockConfig(profiles, plugins, http, capacity, baseDir, Optional.of(json));
    }

    private Profile profile(String name, JsonNode body, String path) throws ConfigException {
        Limits limits = limits(body.path("limits"), LocatedJson.child(path, "limits"));
        Map<String, JsonNode> capabilities = capabilities(body.path("capabilities"), LocatedJson.child(path, "capabilities"));
        JsonNode expose = body.path("exposeAsTools");
        String exposePath = LocatedJson.child(path, "exposeAsTools");
        if (!expose.isMissingNode() && !expose.isBoolean()) throw json.atValue(exposePath, exposePath + " must be true or false");
        JsonNode egress = body.path("egress");
        String egressPath = LocatedJson.child(path, "egress");
        if (!egress.isMissingNode() && !egress.isObject()) throw json.atValue(egressPath, egressPath + " must be an object");
        return new Profile(name, limits, capabilities, expose.asBoolean(false),
                egress.isMissingNode() ? MissingNode.getInstance() : egress, path);
    }

    private Map<String, JsonNode> capabilities(JsonNode node, String path) throws ConfigException {
        Map<String, JsonNode> capabilities = new LinkedHashMap<>();
        if (node.isMissingNode()) return capabilities;
        if (!node.isObject()) {
            throw json.atValue(path, path + " must be an object of capability name → settings, e.g. {\"files\": {\"root\": \"data\"}}");
        }
        for (String name : node.propertyNames()) {
            JsonNode settings = node.get(name);
            String at = LocatedJson.child(path, name);
            if (!settings.isObject()) throw json.atValue(at, at + " must be an object of settings ({} for none)");
            capabilities.put(name, settings);
        }
        return capabilities;
    }

    private List<Path> plugins(JsonNode node, Path baseDir) throws ConfigException {
        List<Path> plugins = new ArrayList<>();
        if (node.isMissingNode()) return plugins;
        if (!node.isArray()) throw json.atValue("plugins", "plugins must be a list of jar paths, e.g. [\"plugins/weather.jar\"]");
        for (int i = 0; i < node.size(); i++) {
            JsonNode jar = node.get(i);
            String at = LocatedJson.element("plugins", i);
            if (!jar.isString() || jar.asString().isBlank()) throw json.atValue(at, at + " must be a jar path");
            plugins.add(baseDir.resolve(jar.asString()).normalize());
        }
        return plugins;
    }

    private Limits limits(JsonNode node, String path) throws ConfigException {
        if (node.isMissingNode()) return Limits.DEFAULTS;
        if (!node.isObject()) throw json.atValue(path, path + " must be an object");
        Limits l = Limits.DEFAULTS;
        for (String key : node.propertyNames()) {
            String at = LocatedJson.child(path, key);
            JsonNode value = node.get(key);
            try {
                l = switch (key) {
                    case "wallTimeMs" -> new Limits(millis(value, at), l.cpuTime(), l.maxResultBytes(), l.maxLogBytes(),
                            l.maxLogLines(), l.maxAllocatedBytes(), l.maxRetainedBytes());
                    case "cpuTimeMs" -> new Limits(l.wallTime(), millis(value, at), l.maxResultBytes(), l.maxLogBytes(),
                            l.maxLogLines(), l.maxAllocatedBytes(), l.maxRetainedBytes());
                    case "maxResultBytes" -> new Limits(l.wallTime(), l.cpuTime(), count(value, at, "bytes"), l.maxLogBytes(),
                            l.maxLogLines(), l.maxAllocatedBytes(), l.maxRetainedBytes());
                    case "maxLogBytes" -> new Limits(l.wallTime(), l.cpuTime(), l.maxResultBytes(), count(value, at, "bytes"),
                            l.maxLogLines(), l.maxAllocatedBytes(), l.maxRetainedBytes());
                    case "maxLogLines" -> new Limits(l.wallTime(), l.cpuTime(), l.maxResultBytes(), l.maxLogBytes(),
                            count(value, at, "lines"), l.maxAllocatedBytes(), l.maxRetainedBytes());
                    case "maxAllocatedBytes" -> l.withMaxAllocatedBytes(positiveInteger(value, at, "bytes", Long.MAX_VALUE));
                    case "maxRetainedBytes" -> l.withMaxRetainedBytes(positiveInteger(value, at, "bytes", Long.MAX_VALUE));
                    default -> throw unknownKey(path, key, "wallTimeMs, cpuTimeMs, maxResultBytes, maxLogBytes, "
                            + "maxLogLines, maxAllocatedBytes, maxRetainedBytes");
                };
            } catch (IllegalArgumentException e) {
                // Limits owns its own rules (e.g. minimum sizes); report them at the value that broke them.
                throw json.atValue(at, at + " is out of range: " + e.getMessage());
            }
        }
        return l;
    }

    /** The top-level "sandbox" section: what all sessions of the process share. */
    private Capacity capacity(JsonNode node) throws ConfigException {
        Capacity c = Capacity.defaults();
        if (node.isMissingNode()) return c;
        if (!node.isObject()) throw json.atValue("sandbox", "sandbox must be an object");
        for (String key : node.propertyNames()) {
            String at = LocatedJson.child("sandbox", key);
            JsonNode value = node.get(key);
            c = switch (key) {
                case "threads" -> c.withThreads(count(value, at, "executions running at once"));
                case "maxIsolates" -> c.withMaxIsolates(count(value, at, "isolates"));
                case "heapPressure" -> {
                    if (!value.isNumber() || !(value.asDouble() > 0 && value.asDouble() < 1)) {
                        throw json.atValue(at, at + " must be a fraction of the heap between 0 and 1, e.g. 0.7");
                    }
                    yield new Capacity(c.threads(), c.maxIsolates(), value.asDouble());
                }
                default -> throw unknownKey("sandbox", key, "threads, maxIsolates, heapPressure");
            };
        }
        return c;
    }

    private Duration millis(JsonNode value, String path) throws ConfigException {
        return Duration.ofMillis(positiveInteger(value, path, "milliseconds", Long.MAX_VALUE));
    }

    private int count(JsonNode value, String path, String unit) throws ConfigException {
        return (int) positiveInteger(value, path, unit, Integer.MAX_VALUE);
    }

    private long positiveInteger(JsonNode value, String path, String unit, long max) throws ConfigException {
        String rule = path + " must be a positive integer (" + unit + ")";
        if (!value.isIntegralNumber()) throw json.atValue(path, rule);
        if (!value.canConvertToLong()) throw json.atValue(path, rule + " no larger than " + max);
        long v = value.asLong();
        if (v < 1) throw json.atValue(path, rule);
        if (v > max) throw json.atValue(path, rule + " no larger than " + max);
        return v;
    }

    private ConfigException unknownKey(String path, String key, String known) {
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        return json.atKey(LocatedJson.child(path, key), "unknown key \"" + key + "\" " + where + " (known keys: " + known + ")");
    }
}
