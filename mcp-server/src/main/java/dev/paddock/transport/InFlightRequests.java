package dev.paddock.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's requests that have not been answered yet, by JSON-RPC id, so that
 * {@code notifications/cancelled} can reach the right one and its late response can be dropped.
 */
public final class InFlightRequests {
    private final Map<Object, Cancellation> byId = new ConcurrentHashMap<>();

    public Cancellation started(Object requestId) {
        var cancellation = new Cancellation();
        byId.put(key(requestId), cancellation);
        return cancellation;
    }

    public void cancel(Object requestId) {
        var cancellation = byId.get(key(requestId));
        if (cancellation != null) cancellation.cancel();
    }

    /**
     * Forgets the request; false when the client cancelled it. MCP says the receiver of a cancellation
     * should not answer the request, so the transport then drops the response.
     */
    public boolean finished(Object requestId) {
        var cancellation = byId.remove(key(requestId));
        return cancellation == null || !cancellation.isCancelled();
    }

    /** Waits, up to the limit, until every request has been answered. */
    void awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!byId.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
    }

    /** Jackson reads `7` as Integer in one place and Long in another; ids compare by value. */
    private static Object key(Object requestId) {
        return requestId instanceof Number n ? (Object) n.longValue() : String.valueOf(requestId);
    }
}
