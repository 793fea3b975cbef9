package dev.paddock.sandbox;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The fixed pool that runs executions' slices, FIFO, which grows by one thread for each of its threads
 * stuck in an abandoned execution: a built-in the engine cannot cancel (a BigInt power of a computed
 * exponent) holds its thread for a minute after its caller was answered, and the other sessions must not
 * be one thread short meanwhile. It grows by at most its own size, since each stuck thread also holds the
 * memory of its built-in.
 */
final class ExecutionPool extends ThreadPoolExecutor {

    private final int threads;
    /** Threads stuck in abandoned executions that have a replacement. Guarded by this. */
    private int replaced;

    ExecutionPool(int threads, ThreadFactory factory) {
        super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        this.threads = threads;
    }

    /**
     * A thread of this pool is stuck: starts another in its place, unless as many are stuck already.
     *
     * @return whether it did; only then must {@link #stuckThreadBack} follow
     */
    synchronized boolean replaceStuckThread() {
        if (replaced >= threads) return false;
        replaced++;
        setMaximumPoolSize(threads + replaced);
        setCorePoolSize(threads + replaced);
        return true;
    }

    /** A stuck thread that {@link #replaceStuckThread} replaced is free again: the pool shrinks back. */
    synchronized void stuckThreadBack() {
        replaced--;
        setCorePoolSize(threads + replaced);
        setMaximumPoolSize(threads + replaced);
    }
}
