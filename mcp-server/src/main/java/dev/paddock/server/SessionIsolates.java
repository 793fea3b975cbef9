package dev.paddock.server;

import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Sandbox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One isolate per MCP session, made on the session's first `execute` and closed when the session ends,
 * so globals never cross sessions and nothing outlives its client.
 */
public final class SessionIsolates implements AutoCloseable {
    private final Sandbox sandbox;
    private final Map<String, Isolate> bySession = new ConcurrentHashMap<>();

    public SessionIsolates(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Isolate forSession(String sessionId) {
        return bySession.computeIfAbsent(sessionId, id -> sandbox.newIsolate());
    }

    /** The session-closed hook for transports. */
    public void sessionClosed(String sessionId) {
        var isolate = bySession.remove(sessionId);
        if (isolate != null) isolate.close();
    }

    int open() {
        return bySession.size();
    }

    @Override
    public void close() {
        bySession.keySet().forEach(this::sessionClosed);
    }
}
