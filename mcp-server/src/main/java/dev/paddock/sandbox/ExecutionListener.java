package dev.paddock.sandbox;

import java.time.Duration;

/**
 * Hears about a running execution, e.g. to send MCP progress notifications. Called from sandbox threads,
 * never from inside agent code; implementations must return quickly.
 */
public interface ExecutionListener {
    ExecutionListener NONE = new ExecutionListener() {};

    /** The code started running (after any queueing); called on the execution's thread. */
    default void started() {}

    /** Still running; called every 2 seconds on long runs, from the watchdog thread. */
    default void heartbeat(Duration elapsed) {}
}
