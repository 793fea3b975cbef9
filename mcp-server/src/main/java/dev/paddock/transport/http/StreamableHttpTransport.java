package dev.paddock.transport.http;

import dev.paddock.transport.Durations;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * MCP Streamable HTTP on Reactor Netty: {@code POST/GET/DELETE /mcp} and {@code GET /healthz}.
 *
 * <pre>{@code
 * var http = new StreamableHttpTransport(HttpSettings.loopback(8080), mapper);
 * McpServer.async(http.provider()).jsonMapper(mapper)...build();   // or provider("team-a") per profile
 * int port = http.start();
 * ...
 * http.close();   // stop accepting, let running requests finish (shutdown grace), end the sessions
 * }</pre>
 *
 * This class is the network layer only: admission (connections per address, header and body time, Host/Origin,
 * bearer token, body size, concurrency) and copying {@link Reply replies} onto the wire; what the requests mean is {@link McpEndpoint}'s business.
 */
public final class StreamableHttpTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamableHttpTransport.class);

    /** {@link McpTransportContext} key of the profile granted to the request's session. */
    public static final String PROFILE_KEY = "paddock.profile";
    /** {@link McpTransportContext} key of the session id as the client sees it ({@code Mcp-Session-Id}). */
    public static final String SESSION_KEY = "paddock.http.session";

    private final HttpSettings settings;
    private final SessionTable sessions;
    private final McpEndpoint endpoint;
    private final OriginPolicy origins;
    private final BearerAuth auth;
    private final ConcurrencyLimit limit;
    private final ConnectionGuard connections;
    private volatile boolean closing;
    private volatile Supplier<String> metrics;
    private DisposableServer server;
    private Disposable timers;

    public StreamableHttpTransport(HttpSettings settings) {
        this(settings, sessionId -> {});
    }

    /**
     * @param onSessionClosed called with the SDK's session id ({@code exchange.sessionId()}) once a session
     *                        has ended by DELETE, idle expiry or shutdown, e.g. to close its isolate
     */
    public StreamableHttpTransport(HttpSettings settings, Consumer<String> onSessionClosed) {
        this(settings, onSessionClosed, false);
    }

    /**
     * @param stateless issue no {@code Mcp-Session-Id}: every POST runs in a session of its own that ends with
     *                  it (its id is never shown to the client, and {@code onSessionClosed} runs for it), and
     *                  GET and DELETE answer 405
     */
    public StreamableHttpTransport(HttpSettings settings, Consumer<String> onSessionClosed,
            boolean stateless) {
        this.settings = settings;
        this.sessions = new SessionTable(settings, onSessionClosed);
        this.endpoint = stateless ? new StatelessEndpoint(sessions, settings) : new StatefulEndpoint(sessions, settings);
        this.origins = new OriginPolicy(settings.allowedHosts(), settings.allowedOrigins());
        this.auth = new BearerAuth(settings.tokens());
        this.limit = new ConcurrencyLimit(settings.maxConcurrentPerToken());
        this.connections = new ConnectionGuard(settings);
    }

    /** The provider for an MCP server that serves every profile without a server of its own. */
    public McpStreamableServerTransportProvider provider() {
        return sessions.provider(SessionTable.ANY_PROFILE);
    }

    /** The provider for the MCP server that serves sessions of one profile (its own tools, its own grants). */
    public McpStreamableServerTransportProvider provider(String profile) {
        return sessions.provider(profile);
    }

    /** The profile of a session, by the id the client sees or the SDK's own session id. */
    public Optional<String> profileOf(String sessionId) {
        return sessions.byEitherId(sessionId).map(s -> s.caller().profile());
    }

    /** The profile granted to the session of a request being handled ({@value HttpSettings#DEFAULT_PROFILE} when unknown). */
    public static String profileOf(McpTransportContext context) {
        return context != null && context.get(PROFILE_KEY) instanceof String p ? p : HttpSettings.DEFAULT_PROFILE;
    }

    /** Sessions open now. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Whether a session is open, by the id the client sees or the SDK's own session id. */
    public boolean isOpen(String sessionId) {
        return sessions.byEitherId(sessionId).isPresent();
    }

    /**
     * Serves {@code GET /metrics} (Prometheus text format) from the given scrape; call before {@link #start()}.
     * It is admitted like {@code /mcp}: Host/Origin checks and, when tokens are configured, a bearer token.
     */
    public StreamableHttpTransport withMetrics(Supplier<String> scrape) {
        this.metrics = scrape;
        return this;
    }

    /** Binds and starts serving; returns the bound port. */
    public synchronized int start() {
        if (server != null) throw new IllegalStateException("already started");
        refuseOpenBind();
        try {
            server = bind();
        } catch (ChannelBindException e) {
            throw new IllegalStateException("cannot listen on " + settings.authority(settings.port()) + ": "
                    + bindProblem(e) + " (choose another port, or 0 for a free one)", e);
        }
        Duration sweep = settings.idleTimeout().dividedBy(4);
        if (sweep.compareTo(Duration.ofSeconds(30)) > 0) sweep = Duration.ofSeconds(30);
        if (sweep.toMillis() < 10) sweep = Duration.ofMillis(10);
        timers = Disposables.composite(
                Flux.interval(sweep).subscribe(tick -> sessions.expireIdle(settings.idleTimeout())),
                Flux.interval(settings.keepAlive()).subscribe(tick -> sessions.keepAlive()));
        log.info("MCP Streamable HTTP on http://{}:{}/mcp ({})", settings.host(), server.port(),
                auth.enabled() ? "bearer tokens required" : "no authentication");
        return server.port();
    }

    private DisposableServer bind() {
        return HttpServer.create()
                .host(settings.host())
                .port(settings.port())
                .doOnChannelInit(connections::admit)
                .childObserve(connections)
                .route(routes -> routes
                        .post("/mcp", admitted(this::post))
                        .get("/mcp", admitted((req, caller) -> endpoint.get(req.requestHeaders()::get, caller)))
                        .delete("/mcp", admitted((req, caller) -> endpoint.delete(req.requestHeaders()::get, caller)))
                        .get("/healthz", (req, res) -> health(res))
                        .get("/metrics", admitted((req, caller) -> Mono.fromSupplier(this::metricsReply))))
                .bindNow();
    }

    /** The operating system's reason in its words ("address already in use"), without Netty's trace. */
    private static String bindProblem(ChannelBindException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && bind.getMessage() != null) {
                return bind.getMessage().toLowerCase(Locale.ROOT);
            }
        }
        return "the address cannot be bound";
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops accepting requests (503 from now on), waits up to the shutdown grace for admitted requests to
     * finish, then ends every session and the listener.
     */
    public Mono<Void> closeGracefully() {
        return Mono.defer(() -> {
            closing = true;
            return Mono.fromFuture(limit::idle, true)
                    .timeout(settings.shutdownGrace(), Mono.fromRunnable(() -> log.warn(
                            "shutdown grace of {} over with {} requests still running",
                            Durations.human(settings.shutdownGrace()), limit.running())))
                    .then(sessions.endAll(null))
                    .then(Mono.defer(this::stopListening));
        });
    }

    @Override
    public void close() {
        closeGracefully().block(settings.shutdownGrace().plusSeconds(10));
    }

    private synchronized Mono<Void> stopListening() {
        if (timers != null) timers.dispose();
        if (server == null) return Mono.empty();
        server.dispose();
        return server.onDispose().timeout(Duration.ofSeconds(5)).onErrorComplete();
    }

    private void refuseOpenBind() {
        if (auth.enabled() || settings.allowUnauthenticated()) return;
        boolean loopback;
        try {
            loopback = InetAddress.getByName(settings.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve HTTP host '" + settings.host() + "'", e);
        }
        if (!loopback) {
            throw new IllegalStateException("refusing to serve MCP on non-loopback address " + settings.host()
                    + " without bearer tokens: configure http.tokens, or pass --allow-unauthenticated if "
                    + "something in front of Paddock authenticates callers");
        }
    }

    // ---- admission: each check one step, in the order a client can fix them

    private interface Handler {
        Mono<Reply> handle(HttpServerRequest request, BearerAuth.Caller caller);
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> admitted(Handler handler) {
        return (req, res) -> {
            Reply refusal = refusal(req);
            if (refusal != null) return send(res, refusal);
            var caller = auth.authenticate(req.requestHeaders().get("Authorization"));
            if (caller == null) {
                return send(res, Reply.error(401, "missing or invalid bearer token")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"paddock\""));
            }
            return Mono.defer(() -> handler.handle(req, caller)).flatMap(reply -> send(res, reply));
        };
    }

    /** Shutdown, then Host/Origin; the token comes next. Each check in the order a client can fix them. */
    private Reply refusal(HttpServerRequest req) {
        if (closing) return shuttingDown();
        String refusal = origins.refusal(req.requestHeaders().get("Host"), req.requestHeaders().get("Origin"));
        return refusal == null ? null : Reply.error(403, refusal);
    }

    /**
     * Reads the body within the size and time limits, then takes a lease on the caller's capacity and hands
     * both to the endpoint. The lease comes only once the body is in: a client that stalls its upload holds a
     * connection (capped per address) for at most the body timeout, never a place that other clients need.
     */
    private Mono<Reply> post(HttpServerRequest req, BearerAuth.Caller caller) {
        if (declaredLength(req) > settings.maxBodyBytes()) return Mono.just(tooLarge());
        return req.receive().asByteArray()
                .reduceWith(ByteArrayOutputStream::new, (out, chunk) -> {
                    if (out.size() + (long) chunk.length > settings.maxBodyBytes()) throw new BodyRefused(tooLarge());
                    out.writeBytes(chunk);
                    return out;
                })
                .timeout(settings.bodyTimeout(), Mono.error(() -> new BodyRefused(bodyTimedOut())))
                .flatMap(out -> leased(caller, lease -> endpoint.post(req.requestHeaders()::get, out.toByteArray(), caller, lease)))
                .onErrorResume(BodyRefused.class, e -> Mono.just(e.reply));
    }

    /** Runs the handler on a lease of the caller's capacity (429 when it has none left), ending it with the exchange. */
    private Mono<Reply> leased(BearerAuth.Caller caller, Function<Lease, Mono<Reply>> handler) {
        if (closing) return Mono.just(shuttingDown());
        var lease = limit.tryAcquire(caller.key());
        if (lease == null) {
            return Mono.just(Reply.error(429, "too many concurrent requests for this token (limit "
                    + settings.maxConcurrentPerToken() + ")").withHeader("Retry-After", "1"));
        }
        return Mono.defer(() -> handler.apply(lease)).doFinally(signal -> lease.exchangeOver());
    }

    private static long declaredLength(HttpServerRequest req) {
        String length = req.requestHeaders().get("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a length we cannot read is no reason to read on
        }
    }

    private Reply tooLarge() {
        return Reply.error(413, "request body exceeds " + settings.maxBodyBytes() + " bytes");
    }

    /** The rest of the body may still be on its way, so the connection cannot carry another request. */
    private Reply bodyTimedOut() {
        return Reply.error(408, "request body not received within " + settings.bodyTimeout().toMillis()
                + " ms: send the whole body at once").withHeader("Connection", "close");
    }

    private static Reply shuttingDown() {
        return Reply.error(503, "server is shutting down").withHeader("Retry-After", "5");
    }

    /** Ends reading a body with the reply that says why. */
    private static final class BodyRefused extends RuntimeException {
        final Reply reply;

        BodyRefused(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    private Reply metricsReply() {
        Supplier<String> scrape = metrics;
        if (scrape == null) return Reply.error(404, "metrics are not enabled on this server");
        return Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", scrape.get());
    }

    private Publisher<Void> health(HttpServerResponse res) {
        return send(res, closing ? Reply.json(503, "{\"status\":\"shutting down\"}") : Reply.json(200, "{\"status\":\"ok\"}"));
    }

    private static Mono<Void> send(HttpServerResponse res, Reply reply) {
        res.status(reply.status());
        reply.headers().forEach(res::header);
        if (reply.headers().containsKey("Content-Type")
                && reply.headers().get("Content-Type").equals(Reply.EVENT_STREAM)) {
            // Each event is flushed as it comes; an SSE stream is useless if events wait in a buffer. A stream
            // cut for not being read closes the socket at once: what waits for a client that does not read
            // would be written only once it reads again, maybe never.
            Flux<String> events = Flux.from(reply.body()).doOnError(EventStream.StreamCut.class,
                    e -> res.withConnection(connection -> connection.channel().close()));
            return res.sendString(events, StandardCharsets.UTF_8).then()
                    .onErrorResume(EventStream.StreamCut.class, e -> Mono.empty());
        }
        return Mono.from(reply.body()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(body -> body.isPresent()
                        ? res.sendString(Mono.just(body.get()), StandardCharsets.UTF_8).then()
                        : res.send().then());
    }
}
