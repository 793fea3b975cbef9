package dev.paddock.sandbox;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects the shared heap, which GraalJS community cannot cap per context. After every garbage collection
 * that empties the young generation, the heap still in use is memory someone keeps alive. Two rules act on
 * it, and both stop an execution and close its context (only that frees what its globals hold):
 * <ul>
 * <li><b>retained budget</b>: an execution's share of the heap's growth since it started exceeds
 * {@link Limits#maxRetainedBytes()}. Its share is the growth times its part of the bytes the sandbox's
 * threads allocated meanwhile: other sessions and the TypeScript warm-up allocate (and keep) too, and a
 * bomb is nearly all of the allocation. This catches a bomb at the first collection past a few hundred MiB instead of when the
 * whole heap is nearly full.</li>
 * <li><b>heap pressure</b>: the heap is above the threshold after a collection: the running execution
 * whose share of the heap's growth is largest (at least 32 MiB) is stopped.</li>
 * </ul>
 * Growth is measured from the lowest reading seen since the execution started, so garbage another
 * execution left behind (freed later, in a concurrent cycle) is not blamed on whoever runs next. Under
 * pressure with no running execution to blame, the idle isolate whose executions kept the most (the sum
 * of their shares at their last reading) is evicted: memory kept in globals between calls is found too.
 * An execution that is being stopped but still runs (one that ignores interrupts) keeps the blame for
 * what it grew: nobody else is stopped or evicted for it.
 *
 * <p>Each running execution has a {@link MemoryAccount} here, opened when it starts and closed when it ends.
 * Readings write only into those accounts; an execution is stopped through its {@link StopSignal}.
 */
final class HeapGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);
    /** Below this an execution is not a plausible cause of heap pressure: better to stop nobody. */
    private static final long MIN_SUSPECT_BYTES = 32L << 20;
    private static final RuntimeMXBean UPTIME = ManagementFactory.getRuntimeMXBean();

    private final LongSupplier threshold;
    private final LongPredicate evictHeaviestIdle;
    private final LongSupplier allocatedByWorkers;
    private final Set<MemoryAccount> accounts = ConcurrentHashMap.newKeySet();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::afterCollection;
    private final List<String> heapPools = new ArrayList<>();
    private final List<String> edenPools = new ArrayList<>();
    private final AtomicBoolean collecting = new AtomicBoolean();
    /** When the guard last stopped or evicted something for heap pressure, in ms of JVM uptime. */
    private volatile long relievedAt = -1;
    /** Heap in use after the latest collection that emptied the young generation; -1 before the first. */
    private volatile long retained = -1;

    /**
     * @param threshold         heap bytes in use after GC above which the guard acts
     * @param evictHeaviestIdle under pressure with no running execution to blame: evicts the idle isolate
     *                          whose executions kept the most, at least the given bytes; false if none
     * @param allocatedByWorkers bytes allocated so far by the threads that run guest code, or -1 where the
     *                          JVM cannot tell: what an execution's share of the allocation is counted in
     */
    HeapGuard(LongSupplier threshold, LongPredicate evictHeaviestIdle, LongSupplier allocatedByWorkers) {
        this.threshold = threshold;
        this.evictHeaviestIdle = evictHeaviestIdle;
        this.allocatedByWorkers = allocatedByWorkers;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) continue;
            heapPools.add(pool.getName());
            if (pool.getName().contains("Eden")) edenPools.add(pool.getName());
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The threshold as a fraction of the maximum heap ({@code -Xmx}). */
    static LongSupplier fractionOfMaxHeap(double fraction) {
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        long bytes = (long) (fraction * (max > 0 ? max : Runtime.getRuntime().maxMemory()));
        return () -> bytes;
    }

    /**
     * Starts watching the execution that allocated {@code allocated} bytes so far until {@link #close}.
     * Its heap growth counts from the heap after the latest collection, or, before the first one, all of
     * the heap in use (more than is retained, so growth is underestimated, never blamed wrongly).
     */
    MemoryAccount open(LongSupplier allocated, long maxRetainedBytes, StopSignal stop) {
        MemoryAccount account = new MemoryAccount(allocated, maxRetainedBytes, stop, allocatedByWorkers, retainedNow());
        accounts.add(account);
        return account;
    }

    /** Stops watching the execution; its account keeps its last estimate. */
    void close(MemoryAccount account) {
        accounts.remove(account);
    }

    private long retainedNow() {
        long r = retained;
        return r >= 0 ? r : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void afterCollection(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        // An exception escaping a listener makes the JDK's emitter skip the listeners after it; the guard
        // must survive any one bad reading and read the next collection.
        try {
            read(n);
        } catch (RuntimeException e) {
            LOG.error("heap guard: could not act on a garbage collection", e);
        }
    }

    private void read(Notification n) {
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
        // G1's concurrent-cycle pauses (Remark, Cleanup) leave eden as it was: their "after" counts fresh
        // garbage as if it were kept.
        for (String eden : edenPools) {
            MemoryUsage u = after.get(eden);
            if (u != null && u.getUsed() > 0) return;
        }
        long used = 0;
        for (String pool : heapPools) {
            MemoryUsage u = after.get(pool);
            if (u != null) used += u.getUsed();
        }
        retained = used;
        check(used, info.getGcInfo().getStartTime());
    }

    /** @param gcStart when the collection read here started, in ms of JVM uptime */
    private void check(long used, long gcStart) {
        MemoryAccount overBudget = null;
        long overBudgetShare = 0;
        MemoryAccount pressured = null;
        long pressuredShare = 0;
        // One collection can report several times; what the last act freed shows only in a later one.
        boolean pressure = used > threshold.getAsLong() && gcStart > relievedAt;
        // A run already stopped still holds its memory until it ends and its context is closed and collected:
        // blaming another one meanwhile would reset a session for memory that is about to be freed.
        boolean releasing = false;
        for (MemoryAccount run : accounts) {
            long growth = run.heapGrowth(used);
            long allocated = run.allocatedSinceStart();
            long share = (long) (growth * run.allocationShare());
            run.keptEstimate(share);
            run.read(allocated);
            LOG.debug("after GC {} MiB in use; during an execution it grew by {} MiB, {} MiB of it by the execution's share of allocation ({} MiB)",
                    used >> 20, growth >> 20, share >> 20, allocated >> 20);
            StopReason stopping = run.stopReason();
            if (stopping != null) {
                // Stopped but still running (a built-in that ignores interrupts, say, stopped for wall time):
                // what it grew is its own and goes when it ends. Blaming another execution or evicting an
                // idle isolate meanwhile would cost a bystander its globals for memory about to be freed.
                releasing |= stopping.resetsIsolate() || share >= MIN_SUSPECT_BYTES;
                continue;
            }
            if (allocated < MIN_SUSPECT_BYTES || share < MIN_SUSPECT_BYTES) continue;
            if (share >= run.maxRetainedBytes() && share > overBudgetShare) {
                overBudget = run;
                overBudgetShare = share;
            }
            // Under pressure, stop the largest estimated keeper. The estimate splits growth by allocation, so
            // a garbage-churning execution next to a slow bomb can still come first (docs/containment.md).
            if (pressure && share > pressuredShare) {
                pressured = run;
                pressuredShare = share;
            }
        }
        if (releasing) {
            LOG.debug("after GC {} MiB in use; waiting for a stopped execution's memory to be released", used >> 20);
        } else if (overBudget != null) {
            LOG.warn("retained memory: an execution kept ~{} MiB (its share of the heap's growth since it started), over its {} MiB limit; stopping it",
                    overBudgetShare >> 20, overBudget.maxRetainedBytes() >> 20);
            overBudget.stop(StopReason.RETAINED_MEMORY);
        } else if (pressured != null) {
            LOG.warn("heap pressure: {} MiB in use after GC, above {} MiB; stopping the execution that kept the most (~{} MiB)",
                    used >> 20, threshold.getAsLong() >> 20, pressuredShare >> 20);
            pressured.stop(StopReason.HEAP_PRESSURE);
            relievedAt = UPTIME.getUptime();
        } else if (pressure) {
            if (evictHeaviestIdle.test(MIN_SUSPECT_BYTES)) {
                relievedAt = UPTIME.getUptime();
                LOG.warn("heap pressure: {} MiB in use after GC, above {} MiB; evicted the idle isolate that kept the most",
                        used >> 20, threshold.getAsLong() >> 20);
                collectSoon();
            } else {
                LOG.warn("heap pressure: {} MiB in use after GC, above {} MiB, and no execution or idle isolate to blame",
                        used >> 20, threshold.getAsLong() >> 20);
            }
        }
    }

    /**
     * Called by the watchdog for each running execution. Arrays larger than half a G1 region go straight
     * to the old generation and fill no eden, so a bomb of large arrays can fill the heap without a young
     * collection and thus without a reading. When an execution allocated twice its retained budget since
     * the last reading, the heap is collected now. Ordinary work reaches a young collection first (the
     * launcher caps eden at 15 % of the heap, ~300 MB of a 2g heap).
     */
    void readIfOverdue(MemoryAccount run) {
        long allocated = run.allocatedSinceStart();
        if (allocated >= 0 && allocated - run.allocatedAtReading() >= 2 * run.maxRetainedBytes()) {
            run.read(allocated);
            collectSoon();
        }
    }

    /**
     * Collects the whole heap soon, on its own thread: called after a context was closed to free memory.
     * G1 would otherwise leave that garbage in the old generation until its next concurrent cycle, and
     * meanwhile every reading here (and every other session's headroom) would still include it.
     */
    void collectSoon() {
        if (collecting.compareAndSet(false, true)) {
            Thread.ofPlatform().name("paddock-heap-release").daemon().start(() -> {
                try {
                    System.gc();
                } finally {
                    collecting.set(false);
                }
            });
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Never added: nothing to remove.
            }
        }
    }
}
