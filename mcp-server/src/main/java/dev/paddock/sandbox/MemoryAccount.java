package dev.paddock.sandbox;

import java.util.function.LongSupplier;

/**
 * What the heap guard knows about one running execution's memory: what it allocated (on whichever threads
 * ran it, {@link SliceMeter}), and its share of the heap's growth since it started. Opened and closed by {@link HeapGuard}; written only by the heap
 * guard's readings (on the GC notification thread, or the watchdog's when a reading is overdue), never by
 * the execution.
 */
final class MemoryAccount {

    private final LongSupplier allocated;
    private final long maxRetainedBytes;
    private final StopSignal stop;
    private final LongSupplier allocatedByWorkers;
    private final long allocatedAtStart;
    private final long allAllocatedAtStart;
    /** The lowest heap-after-GC reading since the execution started: what its heap growth counts from. */
    private volatile long heapBaseline;
    /** Bytes it had allocated at the latest reading (or request for one). */
    private volatile long allocatedAtReading;
    /** Its share of the heap's growth at the latest reading: what the isolate is charged when it ends. */
    private volatile long keptEstimate;

    /**
     * @param allocated          bytes the execution allocated so far over its slices, or -1 where unknown
     * @param allocatedByWorkers bytes allocated so far by all threads that run guest code, or -1 where
     *                           the JVM cannot tell
     * @param heapBaseline       the heap in use that the execution's growth counts from
     */
    MemoryAccount(LongSupplier allocated, long maxRetainedBytes, StopSignal stop, LongSupplier allocatedByWorkers,
            long heapBaseline) {
        this.allocated = allocated;
        this.maxRetainedBytes = maxRetainedBytes;
        this.stop = stop;
        this.allocatedByWorkers = allocatedByWorkers;
        this.allocatedAtStart = allocated.getAsLong();
        this.allAllocatedAtStart = allocatedByWorkers.getAsLong();
        this.heapBaseline = heapBaseline;
    }

    /** Bytes the execution allocated since it started; -1 where unknown. */
    long allocatedSinceStart() {
        if (allocatedAtStart < 0) return -1;
        long now = allocated.getAsLong();
        return now < 0 ? -1 : now - allocatedAtStart;
    }

    /**
     * How much the heap after GC grew since the execution started, given the latest reading; a lower
     * reading becomes the new baseline (garbage from before was freed).
     */
    long heapGrowth(long retained) {
        long growth = retained - heapBaseline;
        if (growth < 0) heapBaseline = retained;
        return growth;
    }

    /**
     * The execution's part of the bytes the sandbox's threads allocated since it started (0 to 1): its share
     * of the heap growth. Other sessions and the TypeScript warm-up allocate, and keep some, too.
     */
    double allocationShare() {
        long own = allocatedSinceStart();
        long all = allocatedByWorkers.getAsLong() - allAllocatedAtStart;
        if (own < 0 || allAllocatedAtStart < 0 || all <= 0) return 1;
        return Math.min(1, (double) own / all);
    }

    long allocatedAtReading() {
        return allocatedAtReading;
    }

    void read(long allocated) {
        allocatedAtReading = allocated;
    }

    /** Its share of the heap's growth at the latest reading; negative when it freed more than it kept. */
    long keptEstimate() {
        return keptEstimate;
    }

    void keptEstimate(long bytes) {
        keptEstimate = bytes;
    }

    long maxRetainedBytes() {
        return maxRetainedBytes;
    }

    /** Whether and why the execution is being stopped already, by any guard. */
    StopReason stopReason() {
        return stop.reason();
    }

    /** Asks the execution to stop for memory; false if it is being stopped already. */
    boolean stop(StopReason why) {
        return stop.request(why);
    }
}
