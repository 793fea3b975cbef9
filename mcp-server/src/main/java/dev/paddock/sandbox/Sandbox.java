package dev.paddock.sandbox;

/**
 * Everything isolates share in one process: the GraalJS Engine, the bounded execution pool, the
 * watchdog and the TypeScript transpiler. Create one per process; create one {@link Isolate} per session.
 */
public final class Sandbox implements AutoCloseable {
    // CONTRACT STUB: implemented by the sandbox work.

    /** Starts the shared engine and pool; warms the engine and the TypeScript compiler in the background. */
    public static Sandbox start(Limits limits) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A fresh isolate for one session. */
    public Isolate newIsolate() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** "optimizing" when the Graal JIT compiles JS, else "interpreter" — for the startup log. */
    public String runtimeMode() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Limits limits() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {}
}
