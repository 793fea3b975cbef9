package dev.paddock.sandbox;

import java.util.concurrent.CompletableFuture;

/** A submitted execution: its eventual result, and a way to cancel it. */
public final class Execution {
    // CONTRACT STUB: implemented by the sandbox work.

    /** Completes normally with the result in every case (failures are results with an error). */
    public CompletableFuture<ExecutionResult> result() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Stops the execution within milliseconds (queued or running); the result then has kind "cancelled".
     * The isolate stays usable.
     */
    public void cancel() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
