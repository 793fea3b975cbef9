package dev.paddock.server;

import dev.paddock.sandbox.Isolate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One isolate per MCP session, made on the session's first `execute` and closed when the session ends,
 * so globals never cross sessions and nothing outlives its client.
 */
final class SessionIsolates implements AutoCloseable {
    private final Supplier<Isolate> newIsolate;
    private final Map<String, Isolate> bySession = new ConcurrentHashMap<>();

    /** @param newIsolate usually {@code sandbox::newIsolate} */
    SessionIsolates(Supplier<Isolate> newIsolate) {
        this.newIsolate = newIsolate;
    }

    Isolate forSession(String sessionId) {
        return bySession.computeIfAbsent(sessionId, id -> newIsolate.get());
    }

    /** The session-closed hook for transports. */
    public void sessionClosed(String sessionId) {
        var isolate = bySession.remove(sessionId);
        if (isolate != null) isolate.close();
    }

    @Override
    public void close() {
        bySession.keySet().forEach(this::sessionClosed);
    }
}
