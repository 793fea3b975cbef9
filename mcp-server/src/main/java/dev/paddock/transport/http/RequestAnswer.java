package dev.paddock.transport.http;

import dev.paddock.transport.InputErrors;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import reactor.core.publisher.Mono;

/**
 * The transport one request is answered on (its SSE stream or JSON body), as the SDK sees it, with one
 * promise: the client gets exactly one response before the transport closes. The SDK closes the transport
 * without a response when it fails to handle a request (bad params) or when its session closes under a
 * running request (DELETE, shutdown); an empty 202 or a stream that just ends would leave the client waiting
 * forever. So a close before the response only marks the SDK done, and whoever ends the request without an
 * answer {@link #fail fails} it with a JSON-RPC error.
 */
final class RequestAnswer implements McpStreamableServerTransport {
    private final McpSchema.JSONRPCRequest request;
    private final McpStreamableServerTransport wire;
    private boolean answered;
    private boolean closed;

    RequestAnswer(McpSchema.JSONRPCRequest request, McpStreamableServerTransport wire) {
        this.request = request;
        this.wire = wire;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        if (message instanceof McpSchema.JSONRPCResponse && !markAnswered()) return Mono.empty();
        return wire.sendMessage(InputErrors.withoutJavaNames(message), messageId);
    }

    /** Answers the request with an error unless it has been answered already, then closes. */
    Mono<Void> fail(int code, String message) {
        if (!markAnswered()) return Mono.empty();
        var error = McpSchema.JSONRPCResponse.error(request.id(), new JSONRPCError(code, message, null));
        return wire.sendMessage(error).onErrorComplete().then(Mono.fromRunnable(this::closeWire));
    }

    private synchronized boolean markAnswered() {
        if (answered) return false;
        answered = true;
        return true;
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return wire.unmarshalFrom(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    /** The SDK is done with the request: the wire closes once the request has its answer. */
    @Override
    public void close() {
        synchronized (this) {
            if (!answered) return;
        }
        closeWire();
    }

    /** The SDK has finished with the request: the wire closes, with or without an answer (a cancelled request has none). */
    void end() {
        closeWire();
    }

    private void closeWire() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        wire.close();
    }
}
