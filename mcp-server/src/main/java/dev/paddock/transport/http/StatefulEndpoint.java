package dev.paddock.transport.http;

import dev.paddock.transport.InputErrors;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Streamable HTTP with sessions: {@code initialize} opens one and returns its {@code Mcp-Session-Id}, which
 * every later POST, GET and DELETE names. Answer streams outlive their connections and resume with
 * {@code Last-Event-ID}.
 */
final class StatefulEndpoint implements McpEndpoint {
    private static final Logger log = LoggerFactory.getLogger(StatefulEndpoint.class);

    private final SessionTable sessions;
    private final HttpSettings settings;
    private final RequestRunner runner;

    StatefulEndpoint(SessionTable sessions, HttpSettings settings) {
        this.sessions = sessions;
        this.settings = settings;
        this.runner = new RequestRunner(settings, true);
    }

    // ---- POST: one JSON-RPC message from the client

    @Override
    public Mono<Reply> post(Headers headers, byte[] body, BearerAuth.Caller caller, Lease lease) {
        return runner.parsed(body, message -> {
            if (message instanceof McpSchema.JSONRPCRequest request
                    && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                return initialize(request, caller);
            }
            return switch (lookup(headers, caller)) {
                case Refused(Reply reply) -> Mono.just(reply);
                case Found(Session session) -> {
                    session.touch();
                    yield received(message, session, headers, lease);
                }
            };
        });
    }

    private Mono<Reply> received(McpSchema.JSONRPCMessage message, Session session, Headers headers, Lease lease) {
        McpTransportContext context = session.context(null, null);
        return switch (message) {
            case McpSchema.JSONRPCRequest request -> runner.answer(request, session, headers, lease);
            case McpSchema.JSONRPCNotification notification -> cancelled(session, notification).sdk().accept(notification)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .then(Mono.fromSupplier(() -> Reply.empty(202)))
                    .onErrorResume(e -> rejected("notification", e));
            case McpSchema.JSONRPCResponse response -> session.sdk().accept(response)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .then(Mono.fromSupplier(() -> Reply.empty(202)))
                    .onErrorResume(e -> rejected("response", e));
            default -> Mono.just(Reply.error(400, "unsupported JSON-RPC message"));
        };
    }

    /** The SDK's reasons name Java classes; the client gets what it sent that was refused, the log the rest. */
    private static Mono<Reply> rejected(String what, Throwable e) {
        log.debug("{} rejected: {}", what, e.toString());
        return Mono.just(Reply.error(400, McpSchema.ErrorCodes.INVALID_PARAMS, "the server could not take this " + what
                + (InputErrors.field(e).isEmpty() ? "" : ": '" + InputErrors.field(e) + "' has the wrong type")));
    }

    private Mono<Reply> initialize(McpSchema.JSONRPCRequest request, BearerAuth.Caller caller) {
        var provider = sessions.providerFor(caller);
        if (provider.isEmpty()) return Mono.just(RequestRunner.noServerFor(caller));
        McpSchema.InitializeRequest params;
        try {
            params = runner.initializeParams(request);
        } catch (RuntimeException e) {
            return Mono.just(Reply.error(400, "invalid initialize params: " + e.getMessage()));
        }
        var opened = sessions.openWithinLimit(provider.get(), params, caller);
        if (opened == null) return Mono.just(sessionLimitReached());
        Session session = opened.session();
        return opened.initResult()
                .map(result -> {
                    session.negotiated(result.protocolVersion());
                    return Reply.json(200, runner.write(McpSchema.JSONRPCResponse.result(request.id(), result)))
                            .withHeader(SESSION_HEADER, session.id());
                })
                .onErrorResume(e -> {
                    sessions.forget(session);
                    log.warn("initialize failed: {}", e.toString());
                    return Mono.just(Reply.error(500, "initialize failed: " + RequestRunner.reason(e)));
                });
    }

    private Reply sessionLimitReached() {
        int max = settings.maxSessionsPerToken();
        return Reply.error(429, "this token has " + max + " open sessions, every one of them running a request or "
                + "reading a stream, and may have at most " + max + " (http.maxSessionsPerToken): end sessions you no "
                + "longer need with DELETE /mcp, or raise http.maxSessionsPerToken in paddock.json")
                .withHeader("Retry-After", "5");
    }

    /**
     * mcp-core ignores {@code notifications/cancelled}; the transport routes it to the request's
     * {@link dev.paddock.transport.Cancellation} (which stops a running execution) and still hands it on to
     * the SDK.
     */
    private static Session cancelled(Session session, McpSchema.JSONRPCNotification notification) {
        if ("notifications/cancelled".equals(notification.method())
                && notification.params() instanceof Map<?, ?> params && params.get("requestId") != null) {
            session.inFlight().cancel(params.get("requestId"));
        }
        return session;
    }

    // ---- GET: the listening stream, or resuming a stream after a lost connection

    @Override
    public Mono<Reply> get(Headers headers, BearerAuth.Caller caller) {
        String accept = headers.get("Accept");
        if (accept == null || !accept.contains(Reply.EVENT_STREAM)) {
            return Mono.just(Reply.error(406, "GET /mcp opens an SSE stream: Accept must include text/event-stream"));
        }
        return switch (lookup(headers, caller)) {
            case Refused(Reply reply) -> Mono.just(reply);
            case Found(Session session) -> {
                session.touch();
                String lastEventId = headers.get(LAST_EVENT_ID);
                yield Mono.just(lastEventId == null ? listen(session) : resume(session, lastEventId.trim()));
            }
        };
    }

    private Reply resume(Session session, String lastEventId) {
        EventStream stream = session.streamOf(lastEventId);
        long seq = Session.sequenceOf(lastEventId);
        if (stream == null || seq < 0) {
            return Reply.error(404, "no stream to resume for Last-Event-ID '" + lastEventId
                    + "' (unknown, or dropped after the session's retention limit)");
        }
        return Reply.events(stream.attach(seq, false, null));
    }

    private Reply listen(Session session) {
        EventStream stream = session.newListeningStream();
        if (stream == null) return Reply.error(409, "this session already has an open GET stream");
        session.sdk().listeningStream(stream);
        return Reply.events(stream.attach(0, session.primes(), settings.retry()));
    }

    // ---- DELETE: the client ends its session

    @Override
    public Mono<Reply> delete(Headers headers, BearerAuth.Caller caller) {
        return switch (lookup(headers, caller)) {
            case Refused(Reply reply) -> Mono.just(reply);
            case Found(Session session) -> sessions.end(session, "the client ended the session (DELETE)").thenReturn(Reply.empty(200));
        };
    }

    // ---- finding the request's session

    /** The session a request names, or the reply that refuses it. */
    private sealed interface SessionLookup permits Found, Refused {}

    private record Found(Session session) implements SessionLookup {}

    private record Refused(Reply reply) implements SessionLookup {}

    /**
     * The session named by the request. A session id presented by a different token than the one that
     * opened the session is answered like an unknown one, so ids cannot be probed across tokens.
     */
    private SessionLookup lookup(Headers headers, BearerAuth.Caller caller) {
        String id = headers.get(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            return new Refused(Reply.error(400, "missing Mcp-Session-Id header: send initialize first and "
                    + "repeat the session id it returns on every request"));
        }
        Session session = sessions.byClientId(id.trim()).orElse(null);
        if (session == null || !session.caller().key().equals(caller.key())) {
            return new Refused(Reply.error(404, "unknown or expired session '" + id + "' (a session ends on DELETE, "
                    + "after http.idleTimeoutMs without use, or when its token opens more than "
                    + "http.maxSessionsPerToken): start a new session with initialize"));
        }
        String version = headers.get(PROTOCOL_VERSION_HEADER);
        List<String> supported = session.provider().protocolVersions();
        if (version != null && !supported.contains(version.trim())) {
            return new Refused(Reply.error(400, "unsupported MCP-Protocol-Version '" + version
                    + "'; this server speaks " + String.join(", ", supported)));
        }
        return new Found(session);
    }
}
