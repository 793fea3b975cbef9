package dev.paddock.sandbox;

/**
 * What one execution used of the threads it ran on: CPU time and bytes allocated, summed over its slices.
 * An execution that only awaits gives its pool thread back, and its next slice may run on another one, so
 * the JVM's per-thread counters are read when a slice begins and ends. The execution's thread writes;
 * the watchdog and the heap guard read from theirs.
 */
final class SliceMeter {

    /**
     * One immutable reading, so a reader never mixes one slice's thread with another's totals.
     *
     * @param thread         the thread running the current slice; null between slices
     * @param cpuAtEnter     its CPU time when the slice began (-1: unknown)
     * @param allocatedAtEnter its allocated bytes when the slice began (-1: unknown)
     * @param cpuBefore      CPU time of the slices before it (-1: unknown)
     * @param allocatedBefore bytes allocated by the slices before it (-1: unknown)
     */
    private record Reading(Thread thread, long cpuAtEnter, long allocatedAtEnter, long cpuBefore, long allocatedBefore) {}

    private volatile Reading reading = new Reading(null, 0, 0, 0, 0);

    /** A slice begins on the calling thread. */
    void enter() {
        Thread self = Thread.currentThread();
        Reading r = reading;
        reading = new Reading(self, Watchdog.cpuTime(self), Watchdog.allocatedBytes(self), r.cpuBefore, r.allocatedBefore);
    }

    /** The slice on the calling thread ends: what it used joins the totals. */
    void leave() {
        Reading r = reading;
        reading = new Reading(null, 0, 0, cpuNanos(r), allocatedBytes(r));
    }

    /** The thread running the execution now; null while it waits or is queued. */
    Thread thread() {
        return reading.thread;
    }

    /** CPU time over all slices so far, the current one included; -1 where the JVM cannot tell. */
    long cpuNanos() {
        return cpuNanos(reading);
    }

    /** Bytes allocated over all slices so far, the current one included; -1 where the JVM cannot tell. */
    long allocatedBytes() {
        return allocatedBytes(reading);
    }

    private static long cpuNanos(Reading r) {
        return r.thread == null ? r.cpuBefore : sum(r.cpuBefore, r.cpuAtEnter, Watchdog.cpuTime(r.thread));
    }

    private static long allocatedBytes(Reading r) {
        return r.thread == null ? r.allocatedBefore
                : sum(r.allocatedBefore, r.allocatedAtEnter, Watchdog.allocatedBytes(r.thread));
    }

    private static long sum(long before, long atEnter, long now) {
        return before < 0 || atEnter < 0 || now < 0 ? -1 : before + now - atEnter;
    }
}
