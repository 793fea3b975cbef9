package dev.paddock.sandbox;

/**
 * Why an execution was stopped before its code finished: the error kind the agent sees, the error's name,
 * and whether the stop closes the context. {@link ExecutionErrors#stopped} words the message.
 */
enum StopReason {
    WALL_TIME("wall-time", "WallTimeLimitExceeded", false),
    CPU_TIME("cpu-time", "CpuTimeLimitExceeded", false),
    ALLOCATION("memory", "AllocationLimitExceeded", false),
    /** What it measures may sit in the globals: only closing the context frees it. */
    RETAINED_MEMORY("memory", "RetainedMemoryLimitExceeded", true),
    /** As {@link #RETAINED_MEMORY}: the memory is freed only with the context. */
    HEAP_PRESSURE("memory", "HeapPressure", true),
    CANCELLED("cancelled", "Cancelled", false),
    /** The isolate was closed (its session ended) while the execution was queued or running. */
    CLOSED("cancelled", "Cancelled", false);

    private final String kind;
    private final String errorName;
    private final boolean resetsIsolate;

    StopReason(String kind, String errorName, boolean resetsIsolate) {
        this.kind = kind;
        this.errorName = errorName;
        this.resetsIsolate = resetsIsolate;
    }

    /** {@link ExecutionError#kind()} of the error this stop ends in. */
    String kind() {
        return kind;
    }

    /** {@link ExecutionError#name()} of the error this stop ends in. */
    String errorName() {
        return errorName;
    }

    /** True when the watchdog closes the context at once, without interrupting first. */
    boolean resetsIsolate() {
        return resetsIsolate;
    }
}
