package dev.paddock.sandbox;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * the JVM reports how much heap is still in use; when that is above the threshold, the memory is retained
 * by someone, and the running execution that allocated the most since it started is the likeliest owner.
 * It is stopped and its context closed (only that frees what its globals hold), so the session starts
 * afresh. Allocation counts are a proxy for retention: an isolate that retains memory while idle is not
 * found here (the isolate cap and the allocation ceiling bound that case).
 */
final class HeapGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);
    /** Below this an execution is not a plausible cause of heap pressure: better to stop nobody. */
    private static final long MIN_SUSPECT_BYTES = 32L << 20;

    private final Watchdog watchdog;
    private final LongSupplier threshold;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::afterCollection;

    /** @param threshold heap bytes in use after GC above which the guard acts */
    HeapGuard(Watchdog watchdog, LongSupplier threshold) {
        this.watchdog = watchdog;
        this.threshold = threshold;
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

    private void afterCollection(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = heapUsedAfter(info.getGcInfo().getMemoryUsageAfterGc());
        if (used > threshold.getAsLong()) relieve(used);
    }

    /** Heap pools only: metaspace and code cache are not what agent code fills. */
    private static long heapUsedAfter(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pool.getType() == MemoryType.HEAP ? pools.get(pool.getName()) : null;
            if (u != null) used += u.getUsed();
        }
        return used;
    }

    private void relieve(long used) {
        ExecutionRun suspect = watchdog.running().stream()
                .filter(r -> r.abortKind() == null)
                .max(Comparator.comparingLong(ExecutionRun::allocatedSinceStart))
                .orElse(null);
        if (suspect == null || suspect.allocatedSinceStart() < MIN_SUSPECT_BYTES) {
            LOG.warn("heap pressure: {} MiB in use after GC, above {} MiB, and no running execution to blame",
                    used >> 20, threshold.getAsLong() >> 20);
            return;
        }
        LOG.warn("heap pressure: {} MiB in use after GC, above {} MiB; stopping the execution that allocated {} MiB",
                used >> 20, threshold.getAsLong() >> 20, suspect.allocatedSinceStart() >> 20);
        if (suspect.abort("heap-pressure")) watchdog.poke();
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
