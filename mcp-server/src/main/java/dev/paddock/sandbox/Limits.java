package dev.paddock.sandbox;

import java.time.Duration;

/**
 * Per-execution limits. An agent's timeoutMs may lower {@code wallTime}, never raise it.
 *
 * @param wallTime       wall time from the start of execution (default 30 s)
 * @param cpuTime        CPU time of the isolate's thread, checked by the watchdog (default 30 s)
 * @param maxResultBytes size of the result JSON before it is truncated (default 1 MiB)
 * @param maxLogBytes    total size of console output kept per execution (default 256 KiB)
 * @param maxLogLines    console lines kept per execution (default 1000)
 */
public record Limits(Duration wallTime, Duration cpuTime, int maxResultBytes, int maxLogBytes, int maxLogLines) {

    public static final Limits DEFAULTS =
            new Limits(Duration.ofSeconds(30), Duration.ofSeconds(30), 1 << 20, 256 << 10, 1000);

    public Limits {
        requirePositive(wallTime, "wallTime");
        requirePositive(cpuTime, "cpuTime");
        if (maxResultBytes < 1024) throw new IllegalArgumentException("maxResultBytes must be at least 1024");
        if (maxLogBytes < 1024) throw new IllegalArgumentException("maxLogBytes must be at least 1024");
        if (maxLogLines < 1) throw new IllegalArgumentException("maxLogLines must be at least 1");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
