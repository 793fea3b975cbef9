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
 * @param headerTimeout      longest a connection may take to send a request's headers, counted from when it
 *                           opens or its last answer ends (so it also ends idle keep-alive connections); the
 *                           connection is closed after it
 * @param bodyTimeout        longest a POST may take to send its whole body once its headers have arrived
 *                           (408 and the connection closed after it); no capacity is held meanwhile
 * @param maxConnectionsPerAddress open connections one client address may have (429 with {@code Retry-After}
 *                           and the connection closed beyond it); behind a proxy every client shares its address
 * @param maxSessionsPerToken sessions one token (or all anonymous clients together) may have open; a new one
 *                           beyond it ends that token's longest-idle session (one with nothing running and no
 *                           open stream), or is refused with 429 when every session of the token is busy
 * @param maxStreamBufferBytes bytes of events one SSE stream may hold that its client has not read yet (an
 *                           open connection that is not read is closed beyond it; the stream stays resumable),
 *                           and bytes it keeps for replay (the oldest events are dropped beyond it)
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
        int replayEvents,
        Duration headerTimeout,
        Duration bodyTimeout,
        int maxConnectionsPerAddress,
        int maxSessionsPerToken,
        long maxStreamBufferBytes) {

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
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (headerTimeout.toMillis() <= 0) throw new IllegalArgumentException("headerTimeout must be at least 1 ms");
        if (bodyTimeout.toMillis() <= 0) throw new IllegalArgumentException("bodyTimeout must be at least 1 ms");
        if (maxConnectionsPerAddress <= 0) throw new IllegalArgumentException("maxConnectionsPerAddress must be positive");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive");
        if (maxSessionsPerToken <= 0) throw new IllegalArgumentException("maxSessionsPerToken must be positive");
        if (maxStreamBufferBytes <= 0) throw new IllegalArgumentException("maxStreamBufferBytes must be positive");
        if (maxConcurrentPerToken <= 0) throw new IllegalArgumentException("maxConcurrentPerToken must be positive");
        if (replayEvents <= 0) throw new IllegalArgumentException("replayEvents must be positive");
        if (instanceId != null && !instanceId.matches("[A-Za-z0-9_]{1,32}")) {
            throw new IllegalArgumentException(
                    "instanceId must be 1-32 letters, digits or '_' (it prefixes session ids), got '" + instanceId + "'");
        }
    }

    /** {@code host:port} as written in a URL: an IPv6 host in brackets. */
    public String authority(int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Loopback on the given port with the defaults of {@link #builder()}. */
    public static HttpSettings loopback(int port) {
        return builder().port(port).build();
    }

    /**
     * Starts from loopback port 0 and the defaults: 4 MiB bodies, 30 min idle expiry, 256 running requests per
     * token, 30 s shutdown grace, {@code retry: 1000}, a keep-alive comment every 15 s, 1000 events kept per
     * stream for replay, 30 s for a request's headers and 30 s for its body, 1024 connections per client
     * address, 1000 sessions per token, 8 MiB of unread or replayable events per SSE stream; no tokens, no extra hosts or origins, no instance id.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets what differs from the defaults; {@link #build()} checks the whole. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private List<String> allowedHosts = List.of();
        private List<String> allowedOrigins = List.of();
        private Map<String, String> tokens = Map.of();
        private boolean allowUnauthenticated;
        private long maxBodyBytes = 4L * 1024 * 1024;
        private Duration idleTimeout = Duration.ofMinutes(30);
        private int maxConcurrentPerToken = 256;
        private String instanceId;
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration retry = Duration.ofSeconds(1);
        private Duration keepAlive = Duration.ofSeconds(15);
        private int replayEvents = 1000;
        private Duration headerTimeout = Duration.ofSeconds(30);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private int maxConnectionsPerAddress = 1024;
        private int maxSessionsPerToken = 1000;
        private long maxStreamBufferBytes = 8L << 20;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder allowedHosts(List<String> allowedHosts) {
            this.allowedHosts = allowedHosts;
            return this;
        }

        public Builder allowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
            return this;
        }

        public Builder tokens(Map<String, String> tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder allowUnauthenticated(boolean allowUnauthenticated) {
            this.allowUnauthenticated = allowUnauthenticated;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxConcurrentPerToken(int maxConcurrentPerToken) {
            this.maxConcurrentPerToken = maxConcurrentPerToken;
            return this;
        }

        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        public Builder shutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
            return this;
        }

        public Builder retry(Duration retry) {
            this.retry = retry;
            return this;
        }

        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        public Builder replayEvents(int replayEvents) {
            this.replayEvents = replayEvents;
            return this;
        }

        public Builder headerTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
            return this;
        }

        public Builder bodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = bodyTimeout;
            return this;
        }

        public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        public Builder maxSessionsPerToken(int maxSessionsPerToken) {
            this.maxSessionsPerToken = maxSessionsPerToken;
            return this;
        }

        public Builder maxStreamBufferBytes(long maxStreamBufferBytes) {
            this.maxStreamBufferBytes = maxStreamBufferBytes;
            return this;
        }

        public HttpSettings build() {
            return new HttpSettings(host, port, allowedHosts, allowedOrigins, tokens, allowUnauthenticated,
                    maxBodyBytes, idleTimeout, maxConcurrentPerToken, instanceId, shutdownGrace, retry, keepAlive,
                    replayEvents, headerTimeout, bodyTimeout, maxConnectionsPerAddress, maxSessionsPerToken,
                    maxStreamBufferBytes);
        }
    }
}
