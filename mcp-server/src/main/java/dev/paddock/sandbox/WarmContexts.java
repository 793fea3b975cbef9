package dev.paddock.sandbox;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contexts made ahead of need, the standard library already evaluated in them, so that a session's first
 * execution, or its first after a reset, takes a ready one instead of building it on the request path.
 * Each is handed out once and was never used before: made here, with hooks that reach no execution until
 * the isolate that takes it binds them. When the execution that took one ends, its replacement is built on
 * a background thread: started at once, the build would compete with that very execution for the cores.
 *
 * <p>Waiting contexts belong to no session, so they hold no place under the isolate cap; there are at most
 * {@link Capacity#warmContexts()} of them, each keeping about what an idle session does (228 KiB). With
 * none configured, or none ready, the isolate builds its context itself, as before.
 */
final class WarmContexts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmContexts.class);

    /** A context with the standard library installed, and the hooks the taker binds. */
    record Warm(Context context, GuestRuntime runtime, ContextHooks hooks) {
        void discard() {
            try {
                context.close();
            } catch (RuntimeException e) {
                // Already closed with the engine.
            }
        }
    }

    private final SharedEngine engine;
    private final SecureRandom random;
    private final int size;
    private final ExecutorService refills;
    private final AtomicLong taken = new AtomicLong();
    // Guarded by this.
    private final ArrayDeque<Warm> ready = new ArrayDeque<>();
    private boolean refilling;
    private boolean closed;

    WarmContexts(SharedEngine engine, SecureRandom random, int size, ThreadFactory threads) {
        this.engine = engine;
        this.random = random;
        this.size = size;
        this.refills = Executors.newSingleThreadExecutor(threads);
    }

    /**
     * A ready context, never used; else one built now on this thread, as when there is no pool. The taker
     * calls {@link #refillSoon()} once its execution has ended.
     */
    Warm take() {
        Warm warm;
        synchronized (this) {
            warm = ready.poll();
        }
        if (warm == null) return build();
        taken.incrementAndGet();
        return warm;
    }

    /** Refills the pool on its own thread, off every request's path; nothing to do while it is full. */
    void refillSoon() {
        synchronized (this) {
            if (size == 0 || closed || refilling || ready.size() >= size) return;
            refilling = true;
        }
        try {
            refills.execute(this::fill);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                refilling = false; // closed meanwhile
            }
        }
    }

    /** Builds contexts until the pool is full, on the calling thread; the startup warm-up calls it directly. */
    void fill() {
        synchronized (this) {
            refilling = true;
        }
        while (true) {
            synchronized (this) {
                if (closed || ready.size() >= size) {
                    refilling = false;
                    return;
                }
            }
            Warm warm;
            try {
                warm = build();
            } catch (RuntimeException e) {
                boolean wasClosed;
                synchronized (this) {
                    refilling = false;
                    wasClosed = closed;
                }
                if (!wasClosed) LOG.warn("could not make a warm context; sessions build their own meanwhile", e);
                return;
            }
            boolean kept;
            synchronized (this) {
                // A refill and the startup warm-up may both be filling: never more than the pool's size.
                kept = !closed && ready.size() < size;
                if (kept) ready.add(warm);
            }
            if (!kept) warm.discard();
        }
    }

    private Warm build() {
        Context context = engine.newContext();
        try {
            ContextHooks hooks = new ContextHooks(random);
            return new Warm(context, GuestRuntime.install(context, hooks), hooks);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /** Contexts waiting to be taken. */
    synchronized int ready() {
        return ready.size();
    }

    /** How many contexts sessions took from the pool, not counting those built because none was ready. */
    long taken() {
        return taken.get();
    }

    /** The waiting contexts themselves: for tests that check they are closed with the sandbox. */
    synchronized List<Context> waiting() {
        return ready.stream().map(Warm::context).toList();
    }

    /** Closes the waiting contexts; a context being built is closed when it is done. */
    @Override
    public void close() {
        List<Warm> waiting;
        synchronized (this) {
            closed = true;
            waiting = List.copyOf(ready);
            ready.clear();
        }
        refills.shutdownNow();
        waiting.forEach(Warm::discard);
    }
}
