package dev.paddock.sandbox;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The execution a host call belongs to: its deadline, and a signal when it ends so host work can stop. */
public interface ExecutionScope {
    /** When the execution's wall-time limit runs out. */
    Instant deadline();

    /**
     * Completes when the execution ends in any way (result, error, timeout, cancel); the same future for
     * every host call of one execution.
     */
    CompletableFuture<Void> whenEnded();
}
