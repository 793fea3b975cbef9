package dev.paddock.server;

import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.Isolate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per MCP session: its capability instances (made on first use) and its isolate (made on its first
 * `execute`), both dropped when the session ends, so globals and in-memory state never cross sessions and
 * nothing outlives its client.
 */
final class SessionIsolates implements AutoCloseable {
    private final Function<HostApi, Isolate> newIsolate;
    private final Supplier<SessionHostApi> newHostApi;
    private final Map<String, SessionHostApi> hostApis = new ConcurrentHashMap<>();
    private final Map<String, Isolate> isolates = new ConcurrentHashMap<>();

    /** @param newIsolate usually {@code sandbox::newIsolate}; @param newHostApi a profile's {@code newSession} */
    SessionIsolates(Function<HostApi, Isolate> newIsolate, Supplier<SessionHostApi> newHostApi) {
        this.newIsolate = newIsolate;
        this.newHostApi = newHostApi;
    }

    SessionHostApi hostApi(String sessionId) {
        return hostApis.computeIfAbsent(sessionId, id -> newHostApi.get());
    }

    Isolate forSession(String sessionId) {
        return isolates.computeIfAbsent(sessionId, id -> newIsolate.apply(hostApi(id)));
    }

    /** The session-closed hook for transports. */
    public void sessionClosed(String sessionId) {
        hostApis.remove(sessionId);
        var isolate = isolates.remove(sessionId);
        if (isolate != null) isolate.close();
    }

    @Override
    public void close() {
        isolates.keySet().forEach(this::sessionClosed);
        hostApis.clear();
    }
}
