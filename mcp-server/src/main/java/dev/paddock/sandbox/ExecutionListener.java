package dev.paddock.sandbox;

import java.time.Duration;

/** Hears about a running execution, e.g. to send MCP progress notifications. Called off the isolate's thread. */
public interface ExecutionListener {
    ExecutionListener NONE = new ExecutionListener() {};

    /** The code started running (after any queueing). */
    default void started() {}

    /** Still running; called every few seconds on long runs. */
    default void heartbeat(Duration elapsed) {}
}
