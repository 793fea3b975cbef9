package dev.paddock.transport.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Running requests per caller, so one token cannot take all of the server's capacity (429 beyond it).
 * A request holds its permit until its work is done, not until its connection closes: a client that
 * hangs up and asks again must not get more work running than the limit allows.
 */
final class ConcurrencyLimit {
    private final int max;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    ConcurrencyLimit(int max) {
        this.max = max;
    }

    /** A permit for one more request of this caller, or null when it is at the limit. */
    Permit tryAcquire(String key) {
        var count = running.computeIfAbsent(key, k -> new AtomicInteger());
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return null;
        }
        return new Permit(count);
    }

    /** Released once, however many of the request's end paths call {@link #release()}. */
    static final class Permit {
        private final AtomicInteger count;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(AtomicInteger count) {
            this.count = count;
        }

        void release() {
            if (released.compareAndSet(false, true)) count.decrementAndGet();
        }
    }
}
