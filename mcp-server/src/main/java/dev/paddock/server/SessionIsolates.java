package dev.paddock.server;

import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.Isolate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per MCP session: its capability instances (made on first use) and its isolate (made on its first
 * `execute`), both dropped when the session ends, so globals and in-memory state never cross sessions and
 * nothing outlives its client.
 */
final class SessionIsolates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionIsolates.class);
    private final Function<HostApi, Isolate> newIsolate;
    private final Supplier<SessionHostApi> newHostApi;
    private final Predicate<String> sessionOpen;
    private final Map<String, SessionHostApi> hostApis = new ConcurrentHashMap<>();
    private final Map<String, Isolate> isolates = new ConcurrentHashMap<>();

    /** @param newIsolate usually {@code sandbox::newIsolate}; @param newHostApi a profile's {@code newSession} */
    SessionIsolates(Function<HostApi, Isolate> newIsolate, Supplier<SessionHostApi> newHostApi) {
        this(newIsolate, newHostApi, id -> true);
    }

    /**
     * @param sessionOpen whether the transport still has the session: an `execute` that arrives after its
     *                    session ended (HTTP: DELETE or expiry racing a request) must not leave behind an
     *                    isolate that no close hook will ever reach
     */
    SessionIsolates(Function<HostApi, Isolate> newIsolate, Supplier<SessionHostApi> newHostApi,
            Predicate<String> sessionOpen) {
        this.newIsolate = newIsolate;
        this.newHostApi = newHostApi;
        this.sessionOpen = sessionOpen;
    }

    /**
     * The session's capability instances; fails when the session has ended, for the same reason as
     * {@link #forSession}: a direct tool call racing DELETE or expiry must not leave instances behind.
     */
    SessionHostApi hostApi(String sessionId) {
        SessionHostApi api = hostApis.computeIfAbsent(sessionId, id -> {
            SessionHostApi created = newHostApi.get();
            // A prefix is enough to follow a session through the log; the whole id lets a reader use it.
            log.info("session {}… uses profile {}", id.substring(0, Math.min(8, id.length())), created.profile());
            return created;
        });
        if (!sessionOpen.test(sessionId)) {
            sessionClosed(sessionId);
            throw new SessionEndedException();
        }
        return api;
    }

    /** The session's isolate; fails when the session has ended (its close hook has run or is about to). */
    Isolate forSession(String sessionId) {
        SessionHostApi api = hostApi(sessionId);
        Isolate isolate = isolates.computeIfAbsent(sessionId, id -> newIsolate.apply(api));
        // Checked after publishing: either the close hook (which runs after the transport forgot the
        // session) sees this isolate, or this check sees the session gone. Both may close it; close is idempotent.
        if (!sessionOpen.test(sessionId)) {
            sessionClosed(sessionId);
            throw new SessionEndedException();
        }
        return isolate;
    }

    /**
     * The session's isolate when an execution can go to it at once: it exists and the upstream servers it
     * waits for have started. Null when {@link #forSession} must run first, off the transport's thread.
     */
    Isolate readyIsolate(String sessionId) {
        Isolate isolate = isolates.get(sessionId);
        SessionHostApi api = hostApis.get(sessionId);
        return isolate != null && api != null && api.upstreamsStarted() && sessionOpen.test(sessionId) ? isolate : null;
    }

    int liveIsolates() {
        return isolates.size();
    }

    /** The session-closed hook for transports. */
    public void sessionClosed(String sessionId) {
        SessionHostApi api = hostApis.remove(sessionId);
        if (api != null) api.close();
        var isolate = isolates.remove(sessionId);
        if (isolate != null) isolate.close();
    }

    @Override
    public void close() {
        isolates.keySet().forEach(this::sessionClosed);
        hostApis.keySet().forEach(this::sessionClosed);
    }

    static final class SessionEndedException extends RuntimeException {
        SessionEndedException() {
            super("this MCP session has ended; start a new one with initialize", null, false, false);
        }
    }
}
