package dev.paddock.transport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client's requests that have not been answered yet, by JSON-RPC id, so that
 * {@code notifications/cancelled} can reach the right one and its late response can be dropped.
 */
public final class InFlightRequests {
    private final Map<Object, Cancellation> byId = new HashMap<>();
    private CompletableFuture<Void> drained = CompletableFuture.completedFuture(null);

    public synchronized Cancellation started(Object requestId) {
        var cancellation = new Cancellation();
        if (byId.isEmpty()) drained = new CompletableFuture<>();
        byId.put(key(requestId), cancellation);
        return cancellation;
    }

    public void cancel(Object requestId) {
        Cancellation cancellation;
        synchronized (this) {
            cancellation = byId.get(key(requestId));
        }
        if (cancellation != null) cancellation.cancel();
    }

    /**
     * Forgets the request; false when the client cancelled it. MCP says the receiver of a cancellation
     * should not answer the request, so the transport then drops the response.
     */
    public boolean finished(Object requestId) {
        Cancellation cancellation;
        CompletableFuture<Void> nowDrained = null;
        synchronized (this) {
            cancellation = byId.remove(key(requestId));
            if (cancellation != null && byId.isEmpty()) nowDrained = drained;
        }
        if (nowDrained != null) nowDrained.complete(null); // outside the lock: it runs whoever waits
        return cancellation == null || !cancellation.isCancelled();
    }

    /** Completes once every request has been answered; at once if none is waiting now. */
    synchronized CompletableFuture<Void> drained() {
        return drained;
    }

    /** Jackson reads `7` as Integer in one place and Long in another; ids compare by value. */
    private static Object key(Object requestId) {
        return requestId instanceof Number n ? (Object) n.longValue() : String.valueOf(requestId);
    }
}
