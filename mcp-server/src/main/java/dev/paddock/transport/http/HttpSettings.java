package dev.paddock.transport.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the Streamable HTTP transport listens and whom it lets in.
 *
 * @param host               address to bind; loopback unless tokens are configured (or
 *                           {@code allowUnauthenticated})
 * @param port               port to bind; 0 picks a free one ({@link StreamableHttpTransport#start()} says which)
 * @param allowedHosts       extra {@code Host} header values accepted besides {@code localhost}, {@code 127.0.0.1}
 *                           and {@code [::1]} (any port); an entry without a port accepts any port; {@code "*"}
 *                           accepts every host (only sensible behind a proxy that checks it)
 * @param allowedOrigins     extra {@code Origin} values accepted besides loopback origins, e.g.
 *                           {@code https://app.example.com}; {@code "*"} accepts every origin
 * @param tokens             bearer token → profile name; empty means no authentication and profile
 *                           {@value #DEFAULT_PROFILE} for everyone
 * @param allowUnauthenticated bind a non-loopback address without tokens anyway
 * @param maxBodyBytes       largest accepted request body (413 above)
 * @param idleTimeout        a session with no traffic and no open stream for this long is closed
 * @param maxConcurrentPerToken requests one token (or all anonymous clients together) may have running (429 above)
 * @param instanceId         prefix of the session ids this instance issues ({@code <instance>-<random>}), so a
 *                           load balancer can route a session back to its instance; null for none
 * @param shutdownGrace      how long a shutdown waits for running requests to finish
 * @param retry              reconnection delay advertised to clients in SSE {@code retry:} fields
 * @param keepAlive          how often an open SSE connection gets a comment line, so that proxies and
 *                           load balancers do not cut streams that are quiet for a while
 * @param replayEvents       events kept per stream for replay after {@code Last-Event-ID}
 */
public record HttpSettings(
        String host,
        int port,
        List<String> allowedHosts,
        List<String> allowedOrigins,
        Map<String, String> tokens,
        boolean allowUnauthenticated,
        long maxBodyBytes,
        Duration idleTimeout,
        int maxConcurrentPerToken,
        String instanceId,
        Duration shutdownGrace,
        Duration retry,
        Duration keepAlive,
        int replayEvents) {

    public static final String DEFAULT_PROFILE = "default";

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
        tokens = Map.copyOf(tokens);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (keepAlive.isNegative() || keepAlive.isZero()) throw new IllegalArgumentException("keepAlive must be positive");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive");
        if (maxConcurrentPerToken <= 0) throw new IllegalArgumentException("maxConcurrentPerToken must be positive");
        if (replayEvents <= 0) throw new IllegalArgumentException("replayEvents must be positive");
        if (instanceId != null && !instanceId.matches("[A-Za-z0-9_]{1,32}")) {
            throw new IllegalArgumentException(
                    "instanceId must be 1-32 letters, digits or '_' (it prefixes session ids), got '" + instanceId + "'");
        }
    }

    /**
     * Loopback on the given port with the defaults: 4 MiB bodies, 30 min idle expiry, 256 running requests
     * per token, 30 s shutdown grace, {@code retry: 1000}, a keep-alive comment every 15 s, 1000 events kept
     * per stream for replay.
     */
    public static HttpSettings loopback(int port) {
        return new HttpSettings("127.0.0.1", port, List.of(), List.of(), Map.of(), false,
                4L * 1024 * 1024, Duration.ofMinutes(30), 256, null, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(15), 1000);
    }

    public HttpSettings withHost(String host) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withAllowed(List<String> hosts, List<String> origins) {
        return new HttpSettings(host, port, hosts, origins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withTokens(Map<String, String> tokens, boolean allowUnauthenticated) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withLimits(long maxBodyBytes, int maxConcurrentPerToken) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withTimeouts(Duration idleTimeout, Duration shutdownGrace) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withInstanceId(String instanceId) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withResumability(Duration retry, int replayEvents) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }

    public HttpSettings withKeepAlive(Duration keepAlive) {
        return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive, replayEvents);
    }
}
