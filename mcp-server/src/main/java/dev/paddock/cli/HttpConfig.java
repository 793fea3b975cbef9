package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.transport.http.HttpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   "instanceId": "a", "shutdownGraceMs": 30000, "maxQueueMs": 10000,
 *   "headerTimeoutMs": 30000, "bodyTimeoutMs": 30000, "maxConnectionsPerAddress": 1024,
 *   "maxSessionsPerToken": 1000, "maxStreamBufferBytes": 8388608
 * }
 * }</pre>
 *
 * @param settings the transport's settings (host and port come from {@code --http})
 * @param maxQueue longest an execution may wait for a thread before it starts
 */
record HttpConfig(HttpSettings settings, Duration maxQueue) {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    static final Duration DEFAULT_MAX_QUEUE = Duration.ofSeconds(60);

    /**
     * Reads a section whose shape paddock.schema.json has already checked; checks what the schema cannot say
     * (tokens name defined profiles, environment variables are set, tokens are long enough and unique) and
     * reports every mistake at once.
     *
     * @param env answers {@code ${env:NAME}} (null when unset)
     */
    static HttpConfig read(PaddockConfig config, String host, int port, boolean allowUnauthenticated,
            Function<String, String> env) throws ConfigException {
        List<ConfigException> problems = new ArrayList<>();
        HttpConfig read = read(config, host, port, allowUnauthenticated, env, problems);
        ConfigException.throwIfAny(problems);
        return read;
    }

    /**
     * Checks the section for a command that does not serve HTTP, adding its mistakes to {@code problems}: a
     * config that `serve --http` would refuse is refused everywhere. The environment variables its tokens
     * name are left alone, as only HTTP reads them (an MCP client starting stdio need not pass them).
     */
    static void check(PaddockConfig config, List<ConfigException> problems) {
        read(config, "127.0.0.1", 0, false, null, problems);
    }

    /** As {@link #read(PaddockConfig, String, int, boolean, Function)}; null after adding to {@code problems}. */
    static HttpConfig read(PaddockConfig config, String host, int port, boolean allowUnauthenticated,
            Function<String, String> env, List<ConfigException> problems) {
        JsonNode http = config.http();
        HttpSettings.Builder settings = HttpSettings.builder().host(host).port(port)
                .allowUnauthenticated(allowUnauthenticated);
        if (http == null || http.isMissingNode()) return new HttpConfig(settings.build(), DEFAULT_MAX_QUEUE);
        int before = problems.size();
        settings.tokens(tokens(config, http.get("tokens"), env, problems))
                .allowedHosts(strings(http, "allowedHosts"))
                .allowedOrigins(strings(http, "allowedOrigins"));
        if (problems.size() > before) return null;
        if (http.has("maxBodyBytes")) settings.maxBodyBytes(http.get("maxBodyBytes").asLong());
        if (http.has("maxConcurrentPerToken")) settings.maxConcurrentPerToken(http.get("maxConcurrentPerToken").asInt());
        if (http.has("idleTimeoutMs")) settings.idleTimeout(millis(http, "idleTimeoutMs"));
        if (http.has("shutdownGraceMs")) settings.shutdownGrace(millis(http, "shutdownGraceMs"));
        if (http.has("instanceId")) settings.instanceId(http.get("instanceId").asString());
        if (http.has("headerTimeoutMs")) settings.headerTimeout(millis(http, "headerTimeoutMs"));
        if (http.has("bodyTimeoutMs")) settings.bodyTimeout(millis(http, "bodyTimeoutMs"));
        if (http.has("maxConnectionsPerAddress")) {
            settings.maxConnectionsPerAddress(http.get("maxConnectionsPerAddress").asInt());
        }
        if (http.has("maxSessionsPerToken")) settings.maxSessionsPerToken(http.get("maxSessionsPerToken").asInt());
        if (http.has("maxStreamBufferBytes")) settings.maxStreamBufferBytes(http.get("maxStreamBufferBytes").asLong());
        return new HttpConfig(settings.build(),
                http.has("maxQueueMs") ? millis(http, "maxQueueMs") : DEFAULT_MAX_QUEUE);
    }

    /** Token → profile; a token naming an environment variable is skipped when {@code env} is null. */
    private static Map<String, String> tokens(PaddockConfig config, JsonNode tokens, Function<String, String> env,
            List<ConfigException> problems) {
        if (tokens == null) return Map.of();
        var byToken = new LinkedHashMap<String, String>();
        for (var entry : tokens.properties()) {
            String path = "http.tokens." + entry.getKey();
            String profile = entry.getValue().asString();
            if (!config.profiles().containsKey(profile)) {
                problems.add(config.error(path, "must name a profile; defined profiles: "
                        + String.join(", ", config.profiles().keySet().stream().sorted().toList())));
                continue;
            }
            String token;
            try {
                token = resolve(config, path, entry.getKey(), env);
            } catch (ConfigException e) {
                problems.add(e);
                continue;
            }
            if (token == null) continue;
            if (token.length() < 16) {
                problems.add(config.error(path, "a bearer token must be at least 16 characters long"));
            } else if (byToken.put(token, profile) != null) {
                problems.add(config.error(path, "the same token appears twice"));
            }
        }
        return byToken;
    }

    /** The token a key stands for; null for an environment reference when {@code env} is null. */
    private static String resolve(PaddockConfig config, String path, String key, Function<String, String> env)
            throws ConfigException {
        var m = ENV.matcher(key);
        if (m.matches()) {
            if (env == null) return null;
            String value = env.apply(m.group(1));
            if (value == null || value.isBlank()) {
                throw config.error(path, "environment variable " + m.group(1) + " is not set (it holds a bearer token)");
            }
            return value;
        }
        if (key.contains("${")) throw config.error(path, "write an environment reference as ${env:NAME}");
        return key;
    }

    private static List<String> strings(JsonNode http, String key) {
        return http.path(key).valueStream().map(JsonNode::asString).toList();
    }

    private static Duration millis(JsonNode http, String key) {
        return Duration.ofMillis(http.get(key).asLong());
    }
}
