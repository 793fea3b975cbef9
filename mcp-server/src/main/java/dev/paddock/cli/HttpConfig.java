package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.transport.http.HttpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code http} section of paddock.json, checked with located errors:
 *
 * <pre>{@code
 * "http": {
 *   "tokens": {"${env:TEAM_A_TOKEN}": "team-a", "literal-token": "default"},
 *   "allowedHosts": ["paddock.internal:8080"], "allowedOrigins": ["https://app.example.com"],
 *   "maxBodyBytes": 4194304, "idleTimeoutMs": 1800000, "maxConcurrentPerToken": 256,
 *   "instanceId": "a", "shutdownGraceMs": 30000, "maxQueueMs": 10000
 * }
 * }</pre>
 *
 * @param settings the transport's settings (host and port come from {@code --http})
 * @param maxQueue longest an execution may wait for a thread before it starts
 * @param conformanceFixture {@code "conformanceFixture": true} makes the official conformance suite's fixture
 *                 available (dev.paddock.conformance.ConformanceFixture): its {@code test} capability, which the
 *                 config then grants and exposes as tools, and its resources, prompts and completion on every
 *                 profile's server; for conformance-tests only, off unless the config says so
 */
record HttpConfig(HttpSettings settings, Duration maxQueue, boolean conformanceFixture) {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> KEYS = Set.of("tokens", "allowedHosts", "allowedOrigins", "maxBodyBytes",
            "idleTimeoutMs", "maxConcurrentPerToken", "instanceId", "shutdownGraceMs", "maxQueueMs", "conformanceFixture");
    static final Duration DEFAULT_MAX_QUEUE = Duration.ofSeconds(60);

    /** @param env answers {@code ${env:NAME}} (null when unset) */
    static HttpConfig read(PaddockConfig config, String host, int port, boolean allowUnauthenticated,
            Function<String, String> env) throws ConfigException {
        JsonNode http = config.http();
        HttpSettings settings = HttpSettings.loopback(port).withHost(host);
        if (http == null || http.isMissingNode() || http.isNull()) {
            return new HttpConfig(settings.withTokens(Map.of(), allowUnauthenticated), DEFAULT_MAX_QUEUE, false);
        }
        if (!http.isObject()) throw config.error("http", "must be an object");
        for (String key : http.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw config.error("http." + key, "unknown key '" + key + "'; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        settings = settings
                .withTokens(tokens(config, http.get("tokens"), env), allowUnauthenticated)
                .withAllowed(strings(config, http, "allowedHosts"), strings(config, http, "allowedOrigins"))
                .withLimits(number(config, http, "maxBodyBytes", settings.maxBodyBytes()),
                        (int) number(config, http, "maxConcurrentPerToken", settings.maxConcurrentPerToken()))
                .withTimeouts(millis(config, http, "idleTimeoutMs", settings.idleTimeout()),
                        millis(config, http, "shutdownGraceMs", settings.shutdownGrace()));
        JsonNode instance = http.get("instanceId");
        if (instance != null) {
            if (!instance.isString() || !instance.asString().matches("[A-Za-z0-9_]{1,32}")) {
                throw config.error("http.instanceId", "must be 1-32 letters, digits or '_' (it prefixes session ids)");
            }
            settings = settings.withInstanceId(instance.asString());
        }
        JsonNode fixture = http.get("conformanceFixture");
        if (fixture != null && !fixture.isBoolean()) throw config.error("http.conformanceFixture", "must be true or false");
        return new HttpConfig(settings, millis(config, http, "maxQueueMs", DEFAULT_MAX_QUEUE),
                fixture != null && fixture.asBoolean());
    }

    private static Map<String, String> tokens(PaddockConfig config, JsonNode tokens, Function<String, String> env)
            throws ConfigException {
        if (tokens == null) return Map.of();
        if (!tokens.isObject()) throw config.error("http.tokens", "must be an object of token → profile name");
        var byToken = new LinkedHashMap<String, String>();
        for (var entry : tokens.properties()) {
            String path = "http.tokens." + entry.getKey();
            String profile = entry.getValue().isString() ? entry.getValue().asString() : null;
            if (profile == null || !config.profiles().containsKey(profile)) {
                throw config.error(path, "must name a profile; defined profiles: "
                        + String.join(", ", config.profiles().keySet().stream().sorted().toList()));
            }
            String token = resolve(config, path, entry.getKey(), env);
            if (token.length() < 16) {
                throw config.error(path, "a bearer token must be at least 16 characters long");
            }
            if (byToken.put(token, profile) != null) throw config.error(path, "the same token appears twice");
        }
        return byToken;
    }

    private static String resolve(PaddockConfig config, String path, String key, Function<String, String> env)
            throws ConfigException {
        var m = ENV.matcher(key);
        if (m.matches()) {
            String value = env.apply(m.group(1));
            if (value == null || value.isBlank()) {
                throw config.error(path, "environment variable " + m.group(1) + " is not set (it holds a bearer token)");
            }
            return value;
        }
        if (key.contains("${")) throw config.error(path, "write an environment reference as ${env:NAME}");
        return key;
    }

    private static List<String> strings(PaddockConfig config, JsonNode http, String key) throws ConfigException {
        JsonNode list = http.get(key);
        if (list == null) return List.of();
        if (!list.isArray()) throw config.error("http." + key, "must be an array of strings");
        var out = new ArrayList<String>();
        for (JsonNode item : list) {
            if (!item.isString() || item.asString().isBlank()) throw config.error("http." + key, "must be an array of non-empty strings");
            out.add(item.asString());
        }
        return out;
    }

    private static long number(PaddockConfig config, JsonNode http, String key, long fallback) throws ConfigException {
        JsonNode value = http.get(key);
        if (value == null) return fallback;
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > Integer.MAX_VALUE) {
            throw config.error("http." + key, "must be a positive integer");
        }
        return value.asLong();
    }

    private static Duration millis(PaddockConfig config, JsonNode http, String key, Duration fallback) throws ConfigException {
        return http.get(key) == null ? fallback : Duration.ofMillis(number(config, http, key, 0));
    }
}
