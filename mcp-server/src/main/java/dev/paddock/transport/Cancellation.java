package dev.paddock.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.concurrent.CompletableFuture;

/**
 * Tells a request handler that the client sent {@code notifications/cancelled} for its request.
 *
 * <p>mcp-core 2.1.0 ignores that notification, so the transport catches it and hands each request its own
 * Cancellation through the {@link McpTransportContext}; a handler finds it with {@link #of}. Carrying the
 * signal with the request (instead of looking the request id up later) keeps concurrent calls apart.
 */
public final class Cancellation {
    /** {@link McpTransportContext} key under which a transport puts the request's Cancellation. */
    public static final String CONTEXT_KEY = "paddock.cancellation";

    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    /** The cancellation of the request being handled, or one that never fires when there is none. */
    public static Cancellation of(McpTransportContext context) {
        return context != null && context.get(CONTEXT_KEY) instanceof Cancellation c ? c : new Cancellation();
    }

    /** Runs the action once the client cancels; at once if it already has. */
    public void onCancel(Runnable action) {
        cancelled.thenRun(action);
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    void cancel() {
        cancelled.complete(null);
    }
}
