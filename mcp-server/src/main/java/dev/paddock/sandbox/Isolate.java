package dev.paddock.sandbox;

/**
 * One session's GraalJS context. Executions run one at a time, in submission order, on the sandbox's
 * shared pool; what the agent puts on globalThis stays until the isolate is reset or closed.
 */
public final class Isolate implements AutoCloseable {
    // CONTRACT STUB: implemented by the sandbox work.

    /** Queues the code and returns at once; the returned execution completes when it ends in any way. */
    public Execution submit(ExecutionRequest request, ExecutionListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops any running execution and releases the context. Idempotent. */
    @Override
    public void close() {}
}
