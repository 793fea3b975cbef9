package dev.paddock.server;

import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import dev.paddock.transport.http.HttpSettings;
import dev.paddock.transport.http.StreamableHttpTransport;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Paddock over Streamable HTTP: one port, one MCP server per profile (each with its own tool list and
 * grants), sessions routed to their token's profile, each session with its own isolate. Embedders serve HTTP
 * through {@link PaddockRuntime#serveHttp}, which also installs the sandbox's eviction hook.
 *
 * <pre>{@code
 * var http = new PaddockHttpServer(settings, sandbox::newIsolate, ProfileGrants.loadAll(config), false, null);
 * int port = http.start();
 * ...
 * http.close();   // running executions finish (up to the shutdown grace), then every isolate goes
 * }</pre>
 */
final class PaddockHttpServer implements AutoCloseable {
    private final StreamableHttpTransport transport;
    private final Map<String, SessionIsolates> isolates = new LinkedHashMap<>();
    private final List<McpAsyncServer> servers = new ArrayList<>();
    private final ServerMetrics metrics = new ServerMetrics();

    /**
     * @param newIsolate a session's isolate from its host API and its profile's limits, usually
     *                   {@code sandbox::newIsolate}
     * @param profiles  profile name → grants; every profile a token names must be here
     * @param stateless no sessions: no {@code Mcp-Session-Id} is issued, every request runs on its own and each
     *                  execute in a fresh isolate discarded after it
     * @param maxQueue  longest an execution may wait to start; null for no limit
     */
    PaddockHttpServer(HttpSettings settings, BiFunction<HostApi, Limits, Isolate> newIsolate,
            Map<String, ProfileGrants> profiles, boolean stateless, Duration maxQueue) {
        this(settings, newIsolate, profiles, stateless, maxQueue, ExtraFeatures.NONE);
    }

    /** @param extras what every profile's server offers besides `execute` and its capabilities */
    PaddockHttpServer(HttpSettings settings, BiFunction<HostApi, Limits, Isolate> newIsolate,
            Map<String, ProfileGrants> profiles, boolean stateless, Duration maxQueue, ExtraFeatures extras) {
        for (String profile : settings.tokens().values()) {
            if (!profiles.containsKey(profile)) throw new IllegalArgumentException("no profile '" + profile + "'");
        }
        this.transport = new StreamableHttpTransport(settings, this::sessionClosed, stateless)
                .withMetrics(metrics::scrape);
        var options = new ServingOptions(maxQueue, metrics, stateless);
        profiles.forEach((name, grants) -> {
            Limits limits = grants.profile().limits();
            var sessions = new SessionIsolates(api -> newIsolate.apply(api, limits), grants::newSession, transport::isOpen);
            isolates.put(name, sessions);
            servers.add(PaddockServer.build(transport.provider(name), sessions, grants, options, extras));
        });
        metrics.gauge("paddock.isolates.live", "isolates holding a session's globals",
                () -> isolates.values().stream().mapToInt(SessionIsolates::liveIsolates).sum());
        metrics.gauge("paddock.sessions", "open MCP sessions", transport::sessionCount);
    }

    /** Binds and serves; returns the port. */
    int start() {
        return transport.start();
    }

    private void sessionClosed(String sessionId) {
        isolates.values().forEach(sessions -> sessions.sessionClosed(sessionId));
    }

    /** Refuses new requests, lets running ones finish up to the shutdown grace, then ends every session. */
    @Override
    public void close() {
        transport.close();
        servers.forEach(McpAsyncServer::close);
        isolates.values().forEach(SessionIsolates::close);
    }
}
