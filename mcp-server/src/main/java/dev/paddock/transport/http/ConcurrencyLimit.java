package dev.paddock.transport.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Running requests per caller, so one token cannot take all of the server's capacity (429 beyond it). */
final class ConcurrencyLimit {
    private final int max;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    ConcurrencyLimit(int max) {
        this.max = max;
    }

    boolean tryAcquire(String key) {
        var count = running.computeIfAbsent(key, k -> new AtomicInteger());
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return false;
        }
        total.incrementAndGet();
        return true;
    }

    void release(String key) {
        running.get(key).decrementAndGet();
        total.decrementAndGet();
    }

    /** Requests running across all callers; a graceful shutdown waits for this to reach zero. */
    int total() {
        return total.get();
    }
}
