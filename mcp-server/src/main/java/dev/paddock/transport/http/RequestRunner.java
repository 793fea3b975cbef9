package dev.paddock.transport.http;

import dev.paddock.transport.McpJson;
import dev.paddock.transport.Cancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
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

/**
 * What both endpoints do with a POST: read the JSON-RPC message, and run a request in a session with its
 * answer on a fresh SSE stream, or as a JSON body to JSON-only clients.
 */
final class RequestRunner {
    private static final Logger log = LoggerFactory.getLogger(RequestRunner.class);

    private final HttpSettings settings;
    private final boolean resumable;

    /**
     * @param resumable whether a client can pick an answer up again after losing its connection (stateful
     *                  sessions can); when not, a client that hangs up takes its request along
     */
    RequestRunner(HttpSettings settings, boolean resumable) {
        this.settings = settings;
        this.resumable = resumable;
    }

    /** The body as a JSON-RPC message handed to the handler, or 400 when it is none. */
    Mono<Reply> parsed(byte[] body, Function<McpSchema.JSONRPCMessage, Mono<Reply>> handler) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(McpJson.MAPPER, new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Mono.just(Reply.error(400, McpSchema.ErrorCodes.PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage()));
        }
        return handler.apply(message);
    }

    McpSchema.InitializeRequest initializeParams(McpSchema.JSONRPCRequest request) {
        var params = McpJson.MAPPER.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        if (params == null) throw new IllegalArgumentException("params with protocolVersion, capabilities and clientInfo are required");
        return params;
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
        session.sdk().responseStream(request, transport)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .doFinally(signal -> finished.run())
                .subscribe(null, e -> {
                    log.warn("request {} in session {} failed: {}", request.method(), session.id(), e.toString());
                    transport.close();
                });
    }

    String write(Object value) {
        try {
            return McpJson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
