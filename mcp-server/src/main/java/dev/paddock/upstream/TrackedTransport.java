package dev.paddock.upstream;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A client transport that remembers the JSON-RPC id of each {@code tools/call} by the progress token Paddock
 * gave the call, so that a cancelled call can be cancelled upstream too: mcp-core 2.1.0's client only stops
 * waiting when a call is disposed, and sends no {@code notifications/cancelled}.
 */
final class TrackedTransport implements McpClientTransport {
    private final McpClientTransport inner;
    private final Map<Object, Object> requestIds = new ConcurrentHashMap<>();

    TrackedTransport(McpClientTransport inner) {
        this.inner = inner;
    }

    /** Tells the server to stop the call sent with this progress token, if it was sent. */
    void cancel(Object progressToken, String reason) {
        Object id = requestIds.remove(progressToken);
        if (id == null) return;
        inner.sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, "notifications/cancelled",
                Map.of("requestId", id, "reason", reason))).subscribe(done -> {}, failure -> {});
    }

    /** The call has its answer: nothing left to cancel. */
    void finished(Object progressToken) {
        requestIds.remove(progressToken);
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_TOOLS_CALL.equals(request.method())
                && request.params() instanceof McpSchema.CallToolRequest call && call.meta() != null
                && call.meta().get("progressToken") != null) {
            requestIds.put(call.meta().get("progressToken"), request.id());
        }
        return inner.sendMessage(message);
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        return inner.connect(handler);
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        inner.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return inner.closeGracefully();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public List<String> protocolVersions() {
        return inner.protocolVersions();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return inner.unmarshalFrom(data, type);
    }
}
