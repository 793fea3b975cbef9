package dev.paddock.sandbox;

import tools.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One session's GraalJS context. Executions run one at a time, in submission order, on the sandbox's
 * shared pool; one that only awaits gives its thread back meanwhile ({@link ExecutionRun}), and the next
 * starts only after it ended. What the agent puts on globalThis stays until the isolate is reset or closed.
 */
public final class Isolate implements AutoCloseable {

    private final Sandbox sandbox;
    private final HostApi api;
    /** What {@link #installNamespaces} last put into the context (execution thread only). */
    private Map<String, List<String>> installedNamespaces = Map.of();
    private final long originNanos = System.nanoTime();

    // Guarded by this: the queue of executions and whether one is on the pool.
    private final ArrayDeque<ExecutionRun> queue = new ArrayDeque<>();
    private boolean scheduled;
    /** The limits of every execution here: its session's profile's. */
    private final Limits limits;
    private boolean closed;
    /** Set when the sandbox evicted this isolate's context; the next execution logs it first. */
    private String evictionNotice;
    /** When an execution last ended here (or the isolate was created): what "longest idle" compares. */
    private volatile long lastActiveNanos = System.nanoTime();

    /** What executions here kept on the heap, by the heap guard's estimate; 0 again with a new context. */
    private final AtomicLong keptBytes = new AtomicLong();

    /** The context and its runtime; replaced on reset. Used only by the running execution's thread. */
    private volatile Context context;
    private GuestRuntime runtime;
    /**
     * The program last run in {@link #context} and its parse there (execution thread only): code sent again
     * skips even the engine's cache lookup, which costs more than the rest of preparing it. Dropped with
     * the context.
     */
    private Source lastSource;
    private Value lastParsed;
    /** The hooks of {@link #context}, cut off from the isolate when that context is abandoned. */
    private ContextHooks hooks;
    /** The execution currently running guest code, which the standard library's hooks report to. */
    private volatile ExecutionRun current;

    Isolate(Sandbox sandbox, HostApi api, Limits limits) {
        this.sandbox = sandbox;
        this.api = api;
        this.limits = limits;
    }

    /** What this isolate's code may call; its owner resets per-session host state on eviction through it. */
    public HostApi hostApi() {
        return api;
    }

    /** Queues the code and returns at once; the returned execution completes when it ends in any way. */
    public Execution submit(ExecutionRequest request, ExecutionListener listener) {
        return submit(request, listener, api);
    }

    /**
     * As {@link #submit(ExecutionRequest, ExecutionListener)}, with this execution's host calls going to
     * {@code calls}: a view of this isolate's host API that knows the caller. The globals stay those of
     * the isolate's own host API.
     */
    public Execution submit(ExecutionRequest request, ExecutionListener listener, HostCalls calls) {
        ExecutionRun run = new ExecutionRun(this, request, listener, calls, limits, sandbox);
        synchronized (this) {
            if (closed) {
                run.completeWithoutRunning(StopReason.CLOSED);
                return new Execution(run, this);
            }
            queue.add(run);
            if (!scheduled) {
                scheduled = true;
                sandbox.pool().execute(this::runNext);
            }
        }
        return new Execution(run, this);
    }

    /** Starts the next queued execution on this pool thread; {@link #ended} schedules the one after. */
    private void runNext() {
        ExecutionRun run;
        synchronized (this) {
            run = queue.poll();
            if (run == null) {
                scheduled = false;
                return;
            }
        }
        run.start();
    }

    /**
     * The execution ended (on the thread of its last slice): puts the next one at the back of the pool's
     * queue, then delivers the result last, so whoever gets it finds this isolate idle (or busy with the next).
     */
    void ended(ExecutionRun run, ExecutionResult result) {
        try {
            lastActiveNanos = System.nanoTime();
            // This execution may have taken a warm context; replacing it now no longer delays it.
            sandbox.warmContexts().refillSoon();
            synchronized (this) {
                if (queue.isEmpty()) scheduled = false;
                else sandbox.pool().execute(this::runNext);
            }
        } catch (RejectedExecutionException e) {
            // The sandbox closed: nothing queued here will ever run.
            synchronized (this) {
                for (ExecutionRun queued : queue) queued.completeWithoutRunning(StopReason.CLOSED);
                queue.clear();
                scheduled = false;
            }
        } finally {
            run.complete(result);
        }
    }

    /** Cancels an execution: drops it if still queued, otherwise asks the watchdog to stop it. */
    void cancel(ExecutionRun run) {
        synchronized (this) {
            if (queue.remove(run)) {
                run.completeWithoutRunning(StopReason.CANCELLED);
                return;
            }
        }
        run.requestStop(StopReason.CANCELLED);
    }

    /**
     * The live context, created with the standard library on first use (execution thread).
     *
     * @throws IsolateCapReached when a new context would take the sandbox over its isolate cap
     */
    Context context() {
        if (context == null) {
            if (!sandbox.admitContext(this)) throw new IsolateCapReached(sandbox.maxIsolates());
            Context c = null;
            try {
                WarmContexts.Warm warm = sandbox.warmContexts().take();
                c = warm.context();
                warm.hooks().bind(this);
                runtime = warm.runtime();
                hooks = warm.hooks();
                installNamespaces();
            } catch (RuntimeException e) {
                // Counted by the admission above: a context that never became live must not hold a place.
                if (c != null) c.close(true);
                sandbox.contextReleased(this);
                throw e;
            }
            context = c;
            synchronized (this) {
                if (closed) c.close(true);
            }
        } else if (!api.namespaces().equals(installedNamespaces)) {
            installNamespaces();
        }
        return context;
    }

    /**
     * Puts the host's namespaces into the context, again before a run when they changed since (an upstream
     * MCP server changed its tools): a live session then calls the new methods without losing its globals.
     */
    private void installNamespaces() {
        Map<String, List<String>> namespaces = api.namespaces();
        if (!namespaces.isEmpty()) runtime.installApis(JsonMapper.shared().writeValueAsString(namespaces));
        installedNamespaces = namespaces;
    }

    /** Every other isolate holding a context is busy, and the sandbox is at its cap: this one gets none. */
    static final class IsolateCapReached extends RuntimeException {
        private final int cap;

        IsolateCapReached(int cap) {
            super(null, null, false, false);
            this.cap = cap;
        }

        int cap() {
            return cap;
        }
    }

    long keptBytes() {
        return keptBytes.get();
    }

    /** An execution ended and, by the heap guard's estimate, kept this much (negative: it freed some). */
    void kept(long bytes) {
        keptBytes.updateAndGet(k -> Math.max(0, k + bytes));
    }

    long idleNanos(long now) {
        return now - lastActiveNanos;
    }

    /** Holds a context and has no execution queued or running: a candidate for eviction. */
    synchronized boolean idleWithContext() {
        return !scheduled && !closed && context != null;
    }

    /**
     * Drops the context of this idle isolate to keep the sandbox under its cap on live isolates. Refused
     * (false) when an execution is queued or running: the context is in use then.
     */
    boolean evict(String notice) {
        Context c;
        synchronized (this) {
            if (scheduled || closed || context == null) return false;
            c = context;
            context = null;
            runtime = null;
            hooks = null;
            forgetParsed();
            evictionNotice = notice;
            keptBytes.set(0);
        }
        try {
            c.close();
        } catch (RuntimeException e) {
            c.close(true);
        }
        return true;
    }

    /** The eviction notice, once: the first execution after an eviction reports it. */
    synchronized String takeEvictionNotice() {
        String notice = evictionNotice;
        evictionNotice = null;
        return notice;
    }

    GuestRuntime runtime() {
        return runtime;
    }

    /** {@code source} parsed in {@code context}, the isolate's live one. */
    Value parsed(Context context, Source source) {
        if (source != lastSource) {
            lastParsed = context.parse(source);
            lastSource = source;
        }
        return lastParsed;
    }

    private void forgetParsed() {
        lastSource = null;
        lastParsed = null;
    }

    /** Drops the context (reset request, or after a forced close); the next execution starts afresh. */
    void discardContext() {
        Context c = abandonContext();
        if (c != null) {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                // Already closed by the watchdog or by close().
            }
        }
    }

    /**
     * Lets go of the context without closing it, when the forced close of an abandoned execution is still
     * under way on another thread; the next execution starts afresh.
     *
     * @return the context let go of, or null when there was none
     */
    Context abandonContext() {
        Context c = context;
        context = null;
        keptBytes.set(0);
        runtime = null;
        forgetParsed();
        // Code still running in the old context must not reach the execution that runs next here.
        if (hooks != null) hooks.cut();
        hooks = null;
        sandbox.contextReleased(this);
        return c;
    }

    /** The execution running guest code here now, which the context's hooks report to; null between executions. */
    ExecutionRun current() {
        return current;
    }

    /** Milliseconds since the isolate was made, for performance.now(): it keeps counting across resets. */
    double clockMillis() {
        return (System.nanoTime() - originNanos) / 1e6;
    }

    void begin(ExecutionRun run) {
        current = run;
    }

    void end(ExecutionRun run) {
        if (current == run) current = null;
    }

    /**
     * Interrupts the guest code of {@code run}; the context stays usable. Called by the watchdog, which may
     * lag: a run that already ended must not have its interrupt land on the next execution.
     */
    void interrupt(ExecutionRun run, Duration wait) throws TimeoutException {
        Context c = context;
        if (c == null || current != run) return;
        try {
            c.interrupt(wait);
        } catch (IllegalStateException e) {
            // Closed meanwhile: nothing left to interrupt.
        }
    }

    /** Closes the context under {@code run}, which ignored interrupts; its globals are lost. */
    void forceClose(ExecutionRun run) {
        if (current == run) forceClose();
    }

    /**
     * Closes the context even while code runs in it, on a thread of its own: the close waits until the code
     * leaves the engine, which a built-in that takes no interrupt delays for a minute, and neither the
     * watchdog nor whoever closes the session may wait that long.
     */
    private void forceClose() {
        Context c = context;
        if (c == null) return;
        Thread.ofPlatform().name("paddock-close").daemon().start(() -> {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                // Already closed.
            }
        });
    }

    /** Stops any running execution and releases the context. Idempotent. */
    @Override
    public void close() {
        ExecutionRun running;
        synchronized (this) {
            if (closed) return;
            closed = true;
            for (ExecutionRun queued : queue) queued.completeWithoutRunning(StopReason.CLOSED);
            queue.clear();
            running = current;
        }
        sandbox.contextReleased(this);
        if (running != null) {
            running.requestStop(StopReason.CLOSED);
            forceClose();
            return;
        }
        Context c = context;
        if (c == null) return;
        try {
            // Idle: a plain close is much cheaper than cancelling.
            c.close();
        } catch (RuntimeException e) {
            // An execution got onto the pool meanwhile.
            forceClose();
        }
    }
}
