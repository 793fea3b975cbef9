package dev.paddock.transport.http;

import dev.paddock.transport.Cancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Streamable HTTP protocol for {@code /mcp}, free of any network code: what a POST, GET or DELETE
 * means for the sessions and which {@link Reply} it gets. Callers arrive here already admitted (Host,
 * Origin, token and limits are checked by the transport).
 */
final class McpEndpoint {
    private static final Logger log = LoggerFactory.getLogger(McpEndpoint.class);

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    static final String ANY_PROFILE = "*";

    /** Request headers by case-insensitive name. */
    interface Headers {
        String get(String name);
    }

    private final McpJsonMapper json;
    private final HttpSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, ProfileProvider> providers = new ConcurrentHashMap<>();
    private final Consumer<String> sessionClosed;
    private final boolean stateless;

    /** @param stateless issue no session ids: each request runs in a session of its own (see {@link #oneShot}) */
    McpEndpoint(McpJsonMapper json, HttpSettings settings, Consumer<String> sessionClosed, boolean stateless) {
        this.json = json;
        this.settings = settings;
        this.sessionClosed = sessionClosed;
        this.stateless = stateless;
    }

    ProfileProvider provider(String profile) {
        return providers.computeIfAbsent(profile, p -> new ProfileProvider(p, this));
    }

    Optional<String> profileOf(String sessionId) {
        return sessions.values().stream()
                .filter(s -> s.id().equals(sessionId) || s.sdk().getId().equals(sessionId))
                .map(s -> s.caller().profile())
                .findFirst();
    }

    int sessionCount() {
        return sessions.size();
    }

    /** Whether a session is open, by the id the client sees or the SDK's own session id. */
    boolean isOpen(String sessionId) {
        return sessions.containsKey(sessionId)
                || sessions.values().stream().anyMatch(s -> s.sdk().getId().equals(sessionId));
    }

    int runningRequests() {
        return sessions.values().stream().mapToInt(Session::running).sum();
    }

    List<Session> sessionsOf(ProfileProvider provider) {
        return sessions.values().stream().filter(s -> s.provider() == provider).toList();
    }

    // ---- POST: one JSON-RPC message from the client

    /**
     * Handles one POSTed message. {@code finished} runs once its work is over: for a request when the
     * request has been answered (which can be long after the client hung up), for anything else with the
     * reply.
     */
    Mono<Reply> post(Headers headers, byte[] body, BearerAuth.Caller caller, Runnable finished) {
        var running = new AtomicBoolean();
        return Mono.defer(() -> dispatch(headers, body, caller, () -> {
                    running.set(true);
                    return finished;
                }))
                .doFinally(signal -> {
                    if (!running.get()) finished.run();
                });
    }

    private Mono<Reply> dispatch(Headers headers, byte[] body, BearerAuth.Caller caller,
            Supplier<Runnable> startRequest) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Mono.just(Reply.error(400, McpSchema.ErrorCodes.PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage()));
        }
        if (stateless) return dispatchStateless(message, headers, caller, startRequest);
        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            return initialize(request, caller);
        }
        var found = session(headers, caller);
        if (found.reply != null) return Mono.just(found.reply);
        Session session = found.session;
        session.touch();
        var context = context(session, null);
        return switch (message) {
            case McpSchema.JSONRPCRequest request -> answer(request, session, headers, startRequest);
            case McpSchema.JSONRPCNotification notification -> cancelled(session, notification).sdk().accept(notification)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .then(Mono.fromSupplier(() -> Reply.empty(202)))
                    .onErrorResume(e -> Mono.just(Reply.error(400, "notification rejected: " + e.getMessage())));
            case McpSchema.JSONRPCResponse response -> session.sdk().accept(response)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .then(Mono.fromSupplier(() -> Reply.empty(202)))
                    .onErrorResume(e -> Mono.just(Reply.error(400, "response rejected: " + e.getMessage())));
            default -> Mono.just(Reply.error(400, "unsupported JSON-RPC message"));
        };
    }

    private Mono<Reply> initialize(McpSchema.JSONRPCRequest request, BearerAuth.Caller caller) {
        var provider = providerFor(caller);
        if (provider == null) return Mono.just(noServerFor(caller));
        McpSchema.InitializeRequest params;
        try {
            params = initializeParams(request);
        } catch (RuntimeException e) {
            return Mono.just(Reply.error(400, "invalid initialize params: " + e.getMessage()));
        }
        var init = provider.factory().startSession(params);
        var session = new Session(newSessionId(), init.session(), caller, provider, json,
                settings.replayEvents());
        sessions.put(session.id(), session);
        var context = context(session, null);
        return init.initResult()
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .map(result -> {
                    session.negotiated(result.protocolVersion());
                    return Reply.json(200, write(McpSchema.JSONRPCResponse.result(request.id(), result)))
                            .withHeader(SESSION_HEADER, session.id());
                })
                .onErrorResume(e -> {
                    sessions.remove(session.id());
                    log.warn("initialize failed: {}", e.toString());
                    return Mono.just(Reply.error(500, "initialize failed: " + e.getMessage()));
                });
    }

    /** The provider whose server serves the caller's profile, or null when none does. */
    private ProfileProvider providerFor(BearerAuth.Caller caller) {
        return Optional.ofNullable(providers.get(caller.profile()))
                .or(() -> Optional.ofNullable(providers.get(ANY_PROFILE)))
                .filter(p -> p.factory() != null)
                .orElse(null);
    }

    private static Reply noServerFor(BearerAuth.Caller caller) {
        return Reply.error(403, "no MCP server serves profile '" + caller.profile() + "'");
    }

    private McpSchema.InitializeRequest initializeParams(McpSchema.JSONRPCRequest request) {
        var params = json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        if (params == null) throw new IllegalArgumentException("params with protocolVersion, capabilities and clientInfo are required");
        return params;
    }

    // ---- stateless: no session ids, every POST stands alone

    private Mono<Reply> dispatchStateless(McpSchema.JSONRPCMessage message, Headers headers, BearerAuth.Caller caller,
            Supplier<Runnable> startRequest) {
        return switch (message) {
            case McpSchema.JSONRPCRequest request -> oneShot(request, headers, caller, startRequest);
            // Nothing to route them to: a cancellation cannot name a request of this client (ids are per client).
            case McpSchema.JSONRPCNotification notification -> Mono.just(Reply.empty(202));
            case McpSchema.JSONRPCResponse response -> Mono.just(Reply.error(400,
                    "this server is stateless (--stateless): it sends no requests, so there is nothing to answer"));
            default -> Mono.just(Reply.error(400, "unsupported JSON-RPC message"));
        };
    }

    /**
     * One request in a session of its own, which ends (and takes its isolate and in-memory state along) when
     * the request has been answered. The client never sees its id. {@code initialize} is answered without
     * {@code Mcp-Session-Id}; any other request gets a session as if the client had just initialized with the
     * protocol version of its {@code MCP-Protocol-Version} header and no capabilities, since a stateless
     * server has no way to receive the client's answers to requests of its own (sampling, elicitation).
     * The session sits in the session table while it runs, so graceful shutdown waits for it.
     */
    private Mono<Reply> oneShot(McpSchema.JSONRPCRequest request, Headers headers, BearerAuth.Caller caller,
            Supplier<Runnable> startRequest) {
        var provider = providerFor(caller);
        if (provider == null) return Mono.just(noServerFor(caller));
        boolean initialize = McpSchema.METHOD_INITIALIZE.equals(request.method());
        McpSchema.InitializeRequest params;
        try {
            params = initialize ? initializeParams(request) : new McpSchema.InitializeRequest(protocolVersion(headers, provider),
                    McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("stateless-request", "0"));
        } catch (RuntimeException e) {
            return Mono.just(Reply.error(400, (initialize ? "invalid initialize params: " : "") + e.getMessage()));
        }
        var init = provider.factory().startSession(params);
        var session = new Session(newSessionId(), init.session(), caller, provider, json, settings.replayEvents());
        sessions.put(session.id(), session);
        var context = context(session, null);
        var initResult = init.initResult().contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context));
        if (initialize) {
            return initResult
                    .map(result -> Reply.json(200, write(McpSchema.JSONRPCResponse.result(request.id(), result))))
                    .onErrorResume(e -> Mono.just(Reply.error(500, "initialize failed: " + e.getMessage())))
                    .doFinally(signal -> endQuietly(session));
        }
        var answering = new AtomicBoolean();
        return initResult
                .then(Mono.defer(() -> answer(request, session, headers, () -> {
                    answering.set(true);
                    Runnable requestDone = startRequest.get();
                    return () -> {
                        requestDone.run();
                        endQuietly(session);
                    };
                })))
                .onErrorResume(e -> Mono.just(Reply.error(500, "could not start the request: " + e.getMessage())))
                .doFinally(signal -> {
                    if (!answering.get()) endQuietly(session); // refused before it ran (e.g. 406)
                });
    }

    /** The version a stateless request speaks: its header, else the spec's default for clients that send none. */
    private static String protocolVersion(Headers headers, ProfileProvider provider) {
        String version = headers.get(PROTOCOL_VERSION_HEADER);
        if (version == null) return "2025-03-26";
        if (!provider.protocolVersions().contains(version.trim())) {
            throw new IllegalArgumentException("unsupported MCP-Protocol-Version '" + version + "'; this server speaks "
                    + String.join(", ", provider.protocolVersions()));
        }
        return version.trim();
    }

    private void endQuietly(Session session) {
        end(session).subscribe(null, e -> log.debug("ending one-shot session {}: {}", session.id(), e.toString()));
    }

    /** Runs a request; the answer goes on a fresh SSE stream, or as a JSON body to JSON-only clients. */
    private Mono<Reply> answer(McpSchema.JSONRPCRequest request, Session session, Headers headers,
            Supplier<Runnable> startRequest) {
        String accept = headers.get("Accept");
        boolean sse = accept != null && accept.contains(Reply.EVENT_STREAM);
        boolean jsonOk = accept == null || accept.contains(Reply.JSON) || accept.contains("*/*");
        if (!sse && !jsonOk) {
            return Mono.just(Reply.error(406, "Accept must include application/json or text/event-stream"));
        }
        session.requestStarted();
        Cancellation cancellation = session.inFlight().started(request.id());
        Runnable requestDone = startRequest.get();
        Runnable finished = () -> {
            session.inFlight().finished(request.id());
            requestDone.run();
        };
        if (sse) {
            EventStream stream = session.newStream();
            // A stateless stream cannot be resumed (GET answers 405), so a priming event would promise too much.
            Flux<String> events = stream.attach(0, !stateless && session.primes(), settings.retry());
            run(session, request, stream, context(session, stream, cancellation), finished);
            return Mono.just(Reply.events(stateless ? events.doOnCancel(() -> clientLeft(session, request)) : events));
        }
        var response = new JsonResponse(json, session::sendOnListeningStream);
        run(session, request, response, context(session, null, cancellation), finished);
        Mono<Reply> reply = response.body().map(body -> Reply.json(200, body)).defaultIfEmpty(Reply.empty(202));
        return stateless ? reply.doOnCancel(() -> clientLeft(session, request)) : reply;
    }

    /**
     * A stateless answer cannot be picked up again (there is no session to resume), so a client that closed
     * the connection takes its request along, as if it had sent {@code notifications/cancelled}, instead of
     * leaving it to hold an isolate and an execution thread until its wall time runs out.
     */
    private static void clientLeft(Session session, McpSchema.JSONRPCRequest request) {
        session.inFlight().cancel(request.id());
    }

    private void run(Session session, McpSchema.JSONRPCRequest request,
            McpStreamableServerTransport transport, McpTransportContext context, Runnable finished) {
        session.sdk().responseStream(request, transport)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .doFinally(signal -> {
                    session.requestFinished();
                    finished.run();
                })
                .subscribe(null, e -> {
                    log.warn("request {} in session {} failed: {}", request.method(), session.id(), e.toString());
                    transport.close();
                });
    }

    // ---- GET: the listening stream, or resuming a stream after a lost connection

    Mono<Reply> get(Headers headers, BearerAuth.Caller caller) {
        if (stateless) {
            return Mono.just(Reply.error(405, "this server is stateless (--stateless): it has no session stream to "
                    + "open or resume; every request is a POST answered on its own").withHeader("Allow", "POST"));
        }
        String accept = headers.get("Accept");
        if (accept == null || !accept.contains(Reply.EVENT_STREAM)) {
            return Mono.just(Reply.error(406, "GET /mcp opens an SSE stream: Accept must include text/event-stream"));
        }
        var found = session(headers, caller);
        if (found.reply != null) return Mono.just(found.reply);
        Session session = found.session;
        session.touch();
        String lastEventId = headers.get(LAST_EVENT_ID);
        if (lastEventId != null) {
            EventStream stream = session.streamOf(lastEventId.trim());
            long seq = Session.sequenceOf(lastEventId.trim());
            if (stream == null || seq < 0) {
                return Mono.just(Reply.error(404, "no stream to resume for Last-Event-ID '" + lastEventId
                        + "' (unknown, or dropped after the session's retention limit)"));
            }
            return Mono.just(Reply.events(stream.attach(seq, false, null)));
        }
        EventStream stream = session.newListeningStream();
        if (stream == null) {
            return Mono.just(Reply.error(409, "this session already has an open GET stream"));
        }
        session.sdk().listeningStream(stream);
        return Mono.just(Reply.events(stream.attach(0, session.primes(), settings.retry())));
    }

    // ---- DELETE: the client ends its session

    Mono<Reply> delete(Headers headers, BearerAuth.Caller caller) {
        if (stateless) {
            return Mono.just(Reply.error(405, "this server is stateless (--stateless): there is no session to end")
                    .withHeader("Allow", "POST"));
        }
        var found = session(headers, caller);
        if (found.reply != null) return Mono.just(found.reply);
        return end(found.session).thenReturn(Reply.empty(200));
    }

    // ---- lifecycle

    /** Closes sessions with no traffic and no open stream for longer than the idle timeout. */
    void expireIdle(Duration timeout) {
        for (Session session : sessions.values()) {
            if (session.idleFor(timeout)) {
                log.info("session {} expired after {} idle", session.id(), timeout);
                end(session).subscribe(null, e -> log.debug("closing expired session: {}", e.toString()));
            }
        }
    }

    void keepAlive() {
        sessions.values().forEach(Session::keepAlive);
    }

    Mono<Void> closeSessions(ProfileProvider provider) {
        return Flux.fromIterable(sessions.values())
                .filter(s -> provider == null || s.provider() == provider)
                .flatMap(s -> end(s).onErrorComplete())
                .then();
    }

    /** Ends a session once, however many paths (DELETE, expiry, shutdown) reach it at the same time. */
    private Mono<Void> end(Session session) {
        if (!sessions.remove(session.id(), session)) return Mono.empty();
        // The hook runs before the DELETE is answered, so a client that saw 200 knows the isolate is gone.
        return session.close().onErrorResume(e -> {
            log.debug("closing session {}: {}", session.id(), e.toString());
            return Mono.empty();
        }).then(Mono.fromRunnable(() -> {
            try {
                sessionClosed.accept(session.sdk().getId());
            } catch (RuntimeException e) {
                log.warn("session-closed hook failed for {}: {}", session.id(), e.toString());
            }
        }));
    }

    // ---- helpers

    private record Found(Session session, Reply reply) {}

    /**
     * The session named by the request. A session id presented by a different token than the one that
     * opened the session is answered like an unknown one, so ids cannot be probed across tokens.
     */
    private Found session(Headers headers, BearerAuth.Caller caller) {
        String id = headers.get(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            return new Found(null, Reply.error(400, "missing Mcp-Session-Id header: send initialize first and "
                    + "repeat the session id it returns on every request"));
        }
        Session session = sessions.get(id.trim());
        if (session == null || !session.caller().key().equals(caller.key())) {
            return new Found(null, Reply.error(404, "unknown or expired session '" + id
                    + "': start a new session with initialize"));
        }
        String version = headers.get(PROTOCOL_VERSION_HEADER);
        List<String> supported = session.provider().protocolVersions();
        if (version != null && !supported.contains(version.trim())) {
            return new Found(null, Reply.error(400, "unsupported MCP-Protocol-Version '" + version
                    + "'; this server speaks " + String.join(", ", supported)));
        }
        return new Found(session, null);
    }

    /**
     * mcp-core ignores {@code notifications/cancelled}; the transport routes it to the request's
     * {@link Cancellation} (which stops a running execution) and still hands it on to the SDK.
     */
    private Session cancelled(Session session, McpSchema.JSONRPCNotification notification) {
        if ("notifications/cancelled".equals(notification.method())
                && notification.params() instanceof Map<?, ?> params && params.get("requestId") != null) {
            session.inFlight().cancel(params.get("requestId"));
        }
        return session;
    }

    private McpTransportContext context(Session session, EventStream stream) {
        return context(session, stream, null);
    }

    private McpTransportContext context(Session session, EventStream stream, Cancellation cancellation) {
        var values = new HashMap<String, Object>();
        if (cancellation != null) values.put(Cancellation.CONTEXT_KEY, cancellation);
        values.put(StreamableHttpTransport.PROFILE_KEY, session.caller().profile());
        values.put(StreamableHttpTransport.SESSION_KEY, session.id());
        if (stream != null) values.put(StreamControl.CONTEXT_KEY, stream);
        return McpTransportContext.create(values);
    }

    /** {@code <instance>-<128 random bits>}: unguessable, and routable by its prefix. */
    private String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String randomPart = HexFormat.of().formatHex(bytes);
        return settings.instanceId() == null ? randomPart : settings.instanceId() + "-" + randomPart;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
