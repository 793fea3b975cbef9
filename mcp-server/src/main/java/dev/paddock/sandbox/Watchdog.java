package dev.paddock.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that checks every execution in flight (running a slice or waiting) every few
 * milliseconds: wall time, CPU time and bytes allocated over its slices, and stop requests. It stops code with {@code Context.interrupt}, which leaves the context
 * usable; only if that fails for a whole second does it close the context, and the execution then says
 * the isolate was reset. A built-in the engine cannot cancel may hold off even the close: a second later,
 * the caller is answered anyway ({@link ExecutionRun#abandon}). It also tells listeners that long runs are
 * still going.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** HotSpot's extension counts bytes each thread allocated, which is what the allocation ceiling needs. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            THREADS instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported() ? t : null;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final Duration INTERRUPT_WAIT = Duration.ofMillis(20);
    private static final long FORCE_CLOSE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long a forced close may take to end a run before its caller is answered without it. */
    private static final long ABANDON_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    /** Per watched execution: when its listener hears next that it still runs. */
    private static final class Watch {
        long nextHeartbeat;
    }

    private final Map<ExecutionRun, Watch> running = new ConcurrentHashMap<>();
    private final HeapGuard heapGuard;
    private final Thread thread;
    private volatile boolean closed;

    Watchdog(HeapGuard heapGuard) {
        this.heapGuard = heapGuard;
        thread = Thread.ofPlatform().name("paddock-watchdog").daemon().unstarted(this::watch);
        thread.start();
    }

    static long cpuTime(Thread t) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(t.threadId()) : -1;
    }

    /** Bytes the thread allocated since it started, or -1 where the JVM cannot tell. */
    static long allocatedBytes(Thread t) {
        return ALLOCATIONS == null ? -1 : ALLOCATIONS.getThreadAllocatedBytes(t.threadId());
    }

    void register(ExecutionRun run) {
        Watch w = new Watch();
        w.nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        running.put(run, w);
    }

    void unregister(ExecutionRun run) {
        running.remove(run);
    }

    /** Asks every execution in flight, running or waiting, to stop. */
    void stopAll(StopReason why) {
        for (ExecutionRun run : running.keySet()) run.requestStop(why);
    }

    /** Wakes the watchdog now instead of at its next tick, so a cancel acts at once. */
    void poke() {
        LockSupport.unpark(thread);
    }

    private void watch() {
        while (!closed) {
            for (Map.Entry<ExecutionRun, Watch> e : running.entrySet()) {
                try {
                    check(e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    LOG.warn("watchdog check failed", ex);
                }
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    private void check(ExecutionRun run, Watch watch) {
        long now = System.nanoTime();
        if (now >= watch.nextHeartbeat) {
            watch.nextHeartbeat = now + HEARTBEAT.toNanos();
            Duration elapsed = Duration.ofNanos(now - run.startNanos());
            callListener(() -> run.listener().heartbeat(elapsed));
        }
        StopSignal stop = run.stopSignal();
        if (!stop.requested()) {
            if (now >= run.deadlineNanos()) {
                stop.request(StopReason.WALL_TIME);
            } else if (run.cpuSinceLimits() >= run.limits().cpuTime().toNanos()) {
                stop.request(StopReason.CPU_TIME);
            }
            if (!stop.requested() && run.memory().allocatedSinceStart() >= run.limits().maxAllocatedBytes()) {
                stop.request(StopReason.ALLOCATION);
            }
            if (!stop.requested()) heapGuard.readIfOverdue(run.memory());
        }
        if (stop.requested()) stop(run, stop, now);
    }

    private void stop(ExecutionRun run, StopSignal stop, long now) {
        if (run.closing()) {
            if (run.thread() != null && now - run.closeNanos() > ABANDON_AFTER_NANOS) run.abandon();
            return;
        }
        // Retained memory may sit in globals: only closing the context frees it, so no interrupt first.
        boolean resets = stop.reason().resetsIsolate();
        // A waiting execution runs no code to interrupt: the stop woke its loop, whose next slice ends it
        // before any guest code runs, however long it queues for a thread.
        if (!resets && run.thread() == null) return;
        if (resets || run.limitsHold() && now - stop.requestedNanos() > FORCE_CLOSE_AFTER_NANOS) {
            if (!resets) {
                LOG.warn("execution ignored interrupts for {} ms; closing its context", FORCE_CLOSE_AFTER_NANOS / 1_000_000);
            }
            run.forceClose();
            return;
        }
        try {
            run.interrupt(INTERRUPT_WAIT);
        } catch (TimeoutException e) {
            // Still running: tried again at the next tick, escalated after a second.
        }
    }

    static void callListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("execution listener failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
