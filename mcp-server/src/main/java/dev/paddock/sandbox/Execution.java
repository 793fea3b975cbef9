package dev.paddock.sandbox;

import java.util.concurrent.CompletableFuture;

/** A submitted execution: its eventual result, and a way to cancel it. */
public final class Execution {

    private final ExecutionRun run;
    private final Isolate isolate;

    Execution(ExecutionRun run, Isolate isolate) {
        this.run = run;
        this.isolate = isolate;
    }

    /** The running execution, for host calls that complete on its loop (capabilities). */
    ExecutionRun run() {
        return run;
    }

    /** Completes normally with the result in every case (failures are results with an error). */
    public CompletableFuture<ExecutionResult> result() {
        return run.future();
    }

    /**
     * Stops the execution within milliseconds (queued or running); the result then has kind "cancelled".
     * The isolate stays usable.
     */
    public void cancel() {
        isolate.cancel(run);
    }
}
