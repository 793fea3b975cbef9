package dev.paddock.transport.http;

import dev.paddock.transport.McpJson;
import dev.paddock.transport.Cancellation;
import dev.paddock.transport.InputErrors;
import dev.paddock.transport.JsonRpcLine;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * What both endpoints do with a POST: read the JSON-RPC message, and run a request in a session with its
 * answer on a fresh SSE stream, or as a JSON body to JSON-only clients.
 */
final class RequestRunner {
    private static final Logger log = LoggerFactory.getLogger(RequestRunner.class);

    private final HttpSettings settings;
    private final boolean resumable;
    private final JsonRpcLine decoder = new JsonRpcLine();

    /**
     * @param resumable whether a client can pick an answer up again after losing its connection (stateful
     *                  sessions can); when not, a client that hangs up takes its request along
     */
    RequestRunner(HttpSettings settings, boolean resumable) {
        this.settings = settings;
        this.resumable = resumable;
    }

    /**
     * The body as a JSON-RPC message handed to the handler, or 400 with the JSON-RPC error that stdio would
     * answer (-32700, -32600) when it is none.
     */
    Mono<Reply> parsed(byte[] body, Function<McpSchema.JSONRPCMessage, Mono<Reply>> handler) {
        return switch (decoder.decode(new String(body, StandardCharsets.UTF_8))) {
            case JsonRpcLine.Message(McpSchema.JSONRPCMessage message) -> handler.apply(message);
            case JsonRpcLine.Rejected(JsonRpcLine.ErrorReply reply) -> Mono.just(Reply.json(400, write(reply)));
        };
    }

    McpSchema.InitializeRequest initializeParams(McpSchema.JSONRPCRequest request) {
        McpSchema.InitializeRequest params;
        try {
            params = McpJson.MAPPER.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        } catch (RuntimeException e) {
            String field = InputErrors.field(e);
            throw new IllegalArgumentException((field.isEmpty() ? "" : "'" + field + "' has the wrong type: ")
                    + INITIALIZE_PARAMS);
        }
        if (params == null) throw new IllegalArgumentException(INITIALIZE_PARAMS);
        return params;
    }

    private static final String INITIALIZE_PARAMS = "params must be an object with protocolVersion (a string), "
            + "capabilities (an object) and clientInfo (an object with name and version)";

    /**
     * Why the SDK failed, for a client: the message of a protocol error (written for clients), else only that
     * the server failed, since other exceptions' messages name Java classes.
     */
    static String reason(Throwable e) {
        return e instanceof McpError mcp && mcp.getMessage() != null
                ? mcp.getMessage() : "internal server error (see the server log)";
    }

    static Reply noServerFor(BearerAuth.Caller caller) {
        return Reply.error(403, "no MCP server serves profile '" + caller.profile() + "'");
    }

    /** Runs a request on the lease, which it keeps until the request has been answered. */
    Mono<Reply> answer(McpSchema.JSONRPCRequest request, Session session, McpEndpoint.Headers headers, Lease lease) {
        String accept = headers.get("Accept");
        boolean sse = accept != null && accept.contains(Reply.EVENT_STREAM);
        boolean jsonOk = accept == null || accept.contains(Reply.JSON) || accept.contains("*/*");
        if (!sse && !jsonOk) {
            return Mono.just(Reply.error(406, "Accept must include application/json or text/event-stream"));
        }
        lease.keepUntilRequestEnds();
        session.requestStarted();
        Cancellation cancellation = session.inFlight().started(request.id());
        Runnable finished = () -> {
            session.requestFinished();
            session.inFlight().finished(request.id());
            lease.end();
        };
        if (sse) {
            EventStream stream = session.newStream();
            // A stream that cannot be resumed (GET answers 405) must not promise it with a priming event.
            Flux<String> events = stream.attach(0, resumable && session.primes(), settings.retry());
            run(session, request, stream, session.context(stream, cancellation), finished);
            return Mono.just(Reply.events(resumable ? events : events.doOnCancel(() -> clientLeft(session, request))));
        }
        var response = new JsonResponse(session::sendOnListeningStream);
        run(session, request, response, session.context(null, cancellation), finished);
        Mono<Reply> reply = response.body().map(body -> Reply.json(200, body)).defaultIfEmpty(Reply.empty(202));
        return resumable ? reply : reply.doOnCancel(() -> clientLeft(session, request));
    }

    /**
     * An answer that cannot be picked up again takes its request along when the client closes the connection,
     * as if it had sent {@code notifications/cancelled}, instead of leaving it to hold an isolate and an
     * execution thread until its wall time runs out.
     */
    private static void clientLeft(Session session, McpSchema.JSONRPCRequest request) {
        session.inFlight().cancel(request.id());
    }

    private static void run(Session session, McpSchema.JSONRPCRequest request,
            McpStreamableServerTransport transport, McpTransportContext context, Runnable finished) {
        var answer = new RequestAnswer(request, transport);
        session.answering(answer);
        session.sdk().responseStream(request, answer)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .onErrorResume(e -> {
                    log.warn("request {} in session {} failed: {}", request.method(), session.id(), e.toString());
                    return failed(answer, request, e);
                })
                // A request that ends without a response (one the client cancelled) ends its stream or body empty.
                .then(Mono.fromRunnable(answer::end))
                .doFinally(signal -> {
                    session.answered(answer);
                    finished.run();
                })
                .subscribe();
    }

    /**
     * Answers a request the SDK could not handle, so that its client is not left waiting: invalid params when
     * they could not be bound (the SDK does not check them itself), else an internal error. Either way without
     * the exception's text, which names Java classes; the log has it.
     */
    private static Mono<Void> failed(RequestAnswer answer, McpSchema.JSONRPCRequest request, Throwable e) {
        if (unusableParams(e)) {
            String field = InputErrors.field(e);
            return answer.fail(McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params for " + request.method()
                    + (field.isEmpty() ? "" : ": '" + field + "' has the wrong type")
                    + (request.params() == null ? ": params are missing" : ""));
        }
        return answer.fail(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error: " + request.method() + " failed");
    }

    /** Params that did not bind (Jackson) or were missing where the SDK reads them (a null it dereferences). */
    private static boolean unusableParams(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof JacksonException || e instanceof NullPointerException) return true;
        }
        return false;
    }

    String write(Object value) {
        try {
            return McpJson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
