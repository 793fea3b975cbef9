package dev.paddock.sandbox;

import java.time.Duration;

/**
 * Per-execution limits. An agent's timeoutMs may lower {@code wallTime}, never raise it.
 *
 * @param wallTime          wall time from the start of execution (default 30 s)
 * @param cpuTime           CPU time of the isolate's thread, checked by the watchdog (default 30 s)
 * @param maxResultBytes    size of the result JSON before it is truncated (default 1 MiB)
 * @param maxLogBytes       total size of console output kept per execution (default 256 KiB)
 * @param maxLogLines       console lines kept per execution (default 1000)
 * @param maxAllocatedBytes bytes the execution's thread may allocate in total, retained or not (default
 *                          4 GiB). Allocation is not retention: ordinary work such as a JSON round trip of
 *                          200k objects allocates ~400 MB, so this sits far above that; the heap guard is
 *                          what protects the heap itself.
 * @param maxRetainedBytes  how much the heap still in use after garbage collection may grow while the
 *                          execution runs, counting the execution's share of what the sandbox's threads
 *                          allocated meanwhile (default 256 MiB; the 200k-object JSON round trip grows it
 *                          by ~80 MiB warm, ~180 MiB on a cold server). Past it the heap guard stops the
 *                          execution and resets its isolate: what it keeps alive may sit in its globals.
 * @param maxCodeBytes      size of the code as sent, in UTF-8 bytes (default 256 KiB). Longer code is refused
 *                          before it is parsed: parsing cannot be interrupted, and transpiling TypeScript of
 *                          that size already takes seconds.
 */
public record Limits(Duration wallTime, Duration cpuTime, int maxResultBytes, int maxLogBytes, int maxLogLines,
        long maxAllocatedBytes, long maxRetainedBytes, int maxCodeBytes) {

    public static final long DEFAULT_MAX_ALLOCATED_BYTES = 4L << 30;
    public static final long DEFAULT_MAX_RETAINED_BYTES = 256L << 20;
    public static final int DEFAULT_MAX_CODE_BYTES = 256 << 10;

    public static final Limits DEFAULTS =
            new Limits(Duration.ofSeconds(30), Duration.ofSeconds(30), 1 << 20, 256 << 10, 1000);

    public Limits {
        requirePositive(wallTime, "wallTime");
        requirePositive(cpuTime, "cpuTime");
        if (maxResultBytes < 1024) throw new IllegalArgumentException("maxResultBytes must be at least 1024");
        if (maxLogBytes < 1024) throw new IllegalArgumentException("maxLogBytes must be at least 1024");
        if (maxLogLines < 1) throw new IllegalArgumentException("maxLogLines must be at least 1");
        if (maxAllocatedBytes < (1L << 20)) throw new IllegalArgumentException("maxAllocatedBytes must be at least 1 MiB");
        // The heap guard suspects nothing below 32 MiB (HeapGuard.MIN_SUSPECT_BYTES): a smaller budget would
        // be accepted but not enforced.
        if (maxRetainedBytes < (32L << 20)) throw new IllegalArgumentException("maxRetainedBytes must be at least 32 MiB");
        if (maxCodeBytes < 1024) throw new IllegalArgumentException("maxCodeBytes must be at least 1024");
    }

    /** With the default memory and code-size limits. */
    public Limits(Duration wallTime, Duration cpuTime, int maxResultBytes, int maxLogBytes, int maxLogLines) {
        this(wallTime, cpuTime, maxResultBytes, maxLogBytes, maxLogLines, DEFAULT_MAX_ALLOCATED_BYTES,
                DEFAULT_MAX_RETAINED_BYTES, DEFAULT_MAX_CODE_BYTES);
    }

    public Limits withMaxAllocatedBytes(long bytes) {
        return new Limits(wallTime, cpuTime, maxResultBytes, maxLogBytes, maxLogLines, bytes, maxRetainedBytes, maxCodeBytes);
    }

    public Limits withMaxRetainedBytes(long bytes) {
        return new Limits(wallTime, cpuTime, maxResultBytes, maxLogBytes, maxLogLines, maxAllocatedBytes, bytes, maxCodeBytes);
    }

    public Limits withMaxCodeBytes(int bytes) {
        return new Limits(wallTime, cpuTime, maxResultBytes, maxLogBytes, maxLogLines, maxAllocatedBytes, maxRetainedBytes, bytes);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
