package dev.paddock.sandbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one engine every context shares, and its end. GraalJS deadlocks when the engine is closed while a
 * context on it is still being made: the closing thread holds the engine's lock and waits for the context's
 * thread, which waits for that lock, and GraalJS's own shutdown hook then waits for the lock as well, so the
 * JVM never exits (seen when a client ended a session during the warm-up). Contexts are therefore made
 * under a read lock and the engine is closed under the write lock; running code is cancelled by the close.
 */
final class SharedEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedEngine.class);
    /** How long a close waits for contexts being made; each takes milliseconds, the first up to seconds. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Engine engine = Contexts.newEngine();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    Engine engine() {
        return engine;
    }

    /** A new context, configured as {@link Contexts} says; refused once the engine is closing. */
    Context newContext() {
        lock.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("the sandbox is closed");
            return Contexts.newContext(engine);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        boolean locked;
        try {
            locked = lock.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            // Closing now could deadlock the JVM's exit; an engine left open ends with the process.
            LOG.warn("a context was still being made {} s into closing; the engine is left to the JVM's exit", CLOSE_WAIT_SECONDS);
            return;
        }
        try {
            closed = true;
            engine.close(true);
        } catch (RuntimeException e) {
            LOG.debug("engine close", e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
