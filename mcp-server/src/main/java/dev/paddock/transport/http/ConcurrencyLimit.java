package dev.paddock.transport.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Running requests per caller, so one token cannot take all of the server's capacity (429 beyond it), and in
 * all, so that graceful shutdown can wait for them. A request holds its {@link Lease} until its work is done,
 * not until its connection closes: a client that hangs up and asks again must not get more work running than
 * the limit allows.
 */
final class ConcurrencyLimit {
    private final int max;
    private final Map<String, Integer> running = new HashMap<>();
    private int total;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    ConcurrencyLimit(int max) {
        this.max = max;
    }

    /** A lease for one more request of this caller, or null when it is at the limit. */
    synchronized Lease tryAcquire(String key) {
        int count = running.getOrDefault(key, 0);
        if (count >= max) return null;
        running.put(key, count + 1);
        if (total++ == 0) idle = new CompletableFuture<>();
        return new Lease(() -> release(key));
    }

    private void release(String key) {
        CompletableFuture<Void> nowIdle = null;
        synchronized (this) {
            running.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
            if (--total == 0) nowIdle = idle;
        }
        if (nowIdle != null) nowIdle.complete(null); // outside the lock: it runs whoever waits
    }

    /** Completes once no lease is held; at once if none is now. */
    synchronized CompletableFuture<Void> idle() {
        return idle;
    }

    synchronized int running() {
        return total;
    }
}
