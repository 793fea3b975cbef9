package dev.paddock.egress;

import dev.paddock.capability.CapabilityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the fetches one session has running: per execution, per session, and (shared by every session of
 * every profile) per process. Each running fetch holds a socket, so without caps a fan-out to a host that
 * never answers runs the process out of file descriptors and takes every session, and the health check,
 * down with it. A fetch over a cap fails at once with EGRESS_LIMIT rather than waiting, so agent code
 * learns to batch.
 */
final class FetchAdmission {
    /** Fetches running in this process, over all profiles and sessions. */
    static final AtomicInteger PROCESS = new AtomicInteger();

    private final EgressLimits limits;
    private final AtomicInteger process;
    private final AtomicInteger session = new AtomicInteger();
    /** Keyed by the execution's end (the same future for all its calls); an entry goes with its last fetch. */
    private final Map<Object, Integer> executions = new ConcurrentHashMap<>();

    FetchAdmission(EgressLimits limits, AtomicInteger process) {
        this.limits = limits;
        this.process = process;
    }

    /**
     * Takes a slot for one fetch of {@code execution} to {@code url} (for the message); release it when the
     * fetch ends, however it ends.
     */
    Runnable admit(Object execution, String url) {
        if (!take(process, limits.maxConcurrentFetchesPerProcess())) {
            throw refused(url, "this Paddock process already has " + limits.maxConcurrentFetchesPerProcess()
                    + " fetches running over all sessions (egress.maxConcurrentFetchesPerProcess). Retry when "
                    + "some have finished; the operator can raise the limit within the process's file-descriptor limit.");
        }
        if (!take(session, limits.maxConcurrentFetchesPerSession())) {
            process.decrementAndGet();
            throw refused(url, "this session already has " + limits.maxConcurrentFetchesPerSession()
                    + " fetches running, counting ones of earlier executions still closing "
                    + "(egress.maxConcurrentFetchesPerSession). Await some before starting more.");
        }
        boolean[] taken = {false};
        executions.compute(execution, (key, running) -> {
            int n = running == null ? 0 : running;
            if (n >= limits.maxConcurrentFetches()) return running;
            taken[0] = true;
            return n + 1;
        });
        if (!taken[0]) {
            session.decrementAndGet();
            process.decrementAndGet();
            throw refused(url, "this execution already has " + limits.maxConcurrentFetches()
                    + " fetches running (egress.maxConcurrentFetches). Await some before starting more, for "
                    + "example in batches of " + limits.maxConcurrentFetches() + ".");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                executions.computeIfPresent(execution, (key, running) -> running == 1 ? null : running - 1);
                session.decrementAndGet();
                process.decrementAndGet();
            }
        };
    }

    private static boolean take(AtomicInteger running, int limit) {
        while (true) {
            int n = running.get();
            if (n >= limit) return false;
            if (running.compareAndSet(n, n + 1)) return true;
        }
    }

    private static CapabilityException refused(String url, String why) {
        return new CapabilityException("EGRESS_LIMIT", "fetch to " + url + " was not started: " + why);
    }
}
