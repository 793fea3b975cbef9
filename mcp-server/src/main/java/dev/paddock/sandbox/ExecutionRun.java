package dev.paddock.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution, from preparing the code to its result. It runs in slices on the sandbox's pool: the
 * first prepares and starts the code and drives its {@link EventLoop}; when the loop has nothing to run
 * (it awaits host work or a later timer) the slice ends and the thread goes back to the pool, and the
 * loop's wake-up runs the next slice on any free thread. One slice runs at a time, so the context is never
 * used by two threads at once. The watchdog watches it from outside, running or waiting, and the heap
 * guard keeps its {@link MemoryAccount}; both stop it through its {@link StopSignal}.
 */
final class ExecutionRun implements ExecutionScope {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRun.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** Unique in the process: what tells the prelude which execution registered a callback. */
    private final long id = IDS.incrementAndGet();
    private final Isolate isolate;
    private final ExecutionRequest request;
    private final ExecutionListener listener;
    private final HostCalls calls;
    private final Limits limits;
    private final ExecutionPool pool;
    private final Watchdog watchdog;
    private final HeapGuard heapGuard;
    private final TypeScriptTranspiler typeScript;
    private final PreparedPrograms programs;
    private final Duration wallLimit;
    private final CompletableFuture<ExecutionResult> future = new CompletableFuture<>();
    /** One future for all host calls of this run, so a capability can tell its runs apart (fetch caps). */
    private final CompletableFuture<Void> ended = future.thenApply(result -> null);
    private final LogBuffer logs;
    private final ResultShaper results;
    private final StopSignal stop = new StopSignal(this::stopRequested);
    private final EventLoop loop;
    private final SliceMeter meter = new SliceMeter();

    // Set when it starts; read by the watchdog.
    private volatile MemoryAccount memory;
    private volatile long startNanos;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    /** CPU time over its slices when the limits began to hold; -1 before. */
    private volatile long cpuAtLimits = -1;
    /** The watchdog had to close the context: globals are gone. Set with {@link #closeNanos}, under this. */
    private volatile boolean forcedReset;
    /** When the watchdog had the context closed; read by it to abandon a run the close does not end. */
    private volatile long closeNanos;
    // Guarded by this. Ending: the result is being delivered, and a forced close that comes now would reset an
    // isolate that moved on. Abandoned: it was delivered while the slice's thread was still stuck in the
    // engine; whether the pool replaced that thread meanwhile.
    private boolean ending;
    private boolean abandoned;
    private boolean threadReplaced;
    /** The TypeScript compiler this execution is transpiling with, which stops must reach instead of the isolate. */
    private volatile TypeScriptTranspiler.Lease compiler;

    // Set by the first slice, read by the later ones (the loop's hand-over orders them).
    private GuestRuntime runtime;
    private CodeOrigin origin;

    ExecutionRun(Isolate isolate, ExecutionRequest request, ExecutionListener listener, HostCalls calls, Limits limits,
            Sandbox sandbox) {
        this.isolate = isolate;
        this.request = request;
        this.listener = listener == null ? ExecutionListener.NONE : listener;
        this.calls = calls;
        this.limits = limits;
        this.pool = sandbox.pool();
        this.watchdog = sandbox.watchdog();
        this.heapGuard = sandbox.heapGuard();
        this.typeScript = sandbox.typeScript();
        this.programs = sandbox.programs();
        this.logs = new LogBuffer(limits.maxLogLines(), limits.maxLogBytes());
        this.results = new ResultShaper(logs, limits.maxResultBytes());
        this.wallLimit = wallLimit(request, limits);
        this.loop = new EventLoop(stop, this::resume, sandbox.alarms());
    }

    /** The wall-time limit of this request: its timeout may lower the limits' wall time, never raise it. */
    static Duration wallLimit(ExecutionRequest request, Limits limits) {
        Duration wall = limits.wallTime();
        if (request.timeout().isPresent() && request.timeout().get().compareTo(wall) < 0) {
            wall = request.timeout().get().isNegative() || request.timeout().get().isZero()
                    ? Duration.ofMillis(1) : request.timeout().get();
        }
        return wall;
    }

    long id() {
        return id;
    }

    CompletableFuture<ExecutionResult> future() {
        return future;
    }

    ExecutionListener listener() {
        return listener;
    }

    @Override
    public Instant deadline() {
        long remaining = deadlineNanos == Long.MAX_VALUE ? wallLimit.toNanos() : deadlineNanos - System.nanoTime();
        return Instant.now().plusNanos(Math.max(0, remaining));
    }

    @Override
    public CompletableFuture<Void> whenEnded() {
        return ended;
    }

    /**
     * A call from the isolate to the host API: the work happens off this thread, and its outcome is handed
     * back to the loop, which settles the JS promise. Outcomes arriving after the execution ended are
     * dropped with the loop's queue: they never touch a context another execution may be using.
     */
    void hostCall(String namespace, String method, String argumentsJson, Value resolve, Value reject) {
        EventLoop.HostWork work = loop.beginHostWork();
        CompletableFuture<String> call;
        try {
            call = calls.call(namespace, method, argumentsJson, this);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((json, failure) -> work.complete(() -> {
            if (failure == null) {
                resolve.execute(json);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof HostCallException h) {
                reject.execute(h.jsName(), h.getMessage(), h.code());
            } else {
                reject.execute("Error", namespace + "." + method + " failed: " + cause.getMessage(), "EHOST");
            }
        }));
    }

    /** The loop the standard library's timers and errors report to while this execution runs. */
    EventLoop loop() {
        return loop;
    }

    /** Console output from the standard library (execution thread). */
    void log(String level, String message) {
        logs.add(level, message);
    }

    // ---------------------------------------------------------------------------------------------
    // Seen from the watchdog, the isolate and cancel()

    /** The thread running a slice of this execution now; null while it waits for host work or a timer. */
    Thread thread() {
        return meter.thread();
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Whether the wall-time and CPU-time limits hold yet (they start once the context exists). */
    boolean limitsHold() {
        return deadlineNanos != Long.MAX_VALUE;
    }

    /** CPU time its slices used since the limits began to hold; -1 before, or where the JVM cannot tell. */
    long cpuSinceLimits() {
        long atLimits = cpuAtLimits;
        long now = meter.cpuNanos();
        return atLimits < 0 || now < 0 ? -1 : now - atLimits;
    }

    Limits limits() {
        return limits;
    }

    MemoryAccount memory() {
        return memory;
    }

    StopSignal stopSignal() {
        return stop;
    }

    /** Asks the execution to stop; the first reason wins. False if a stop was asked for already. */
    boolean requestStop(StopReason why) {
        return stop.request(why);
    }

    private void stopRequested() {
        loop.wake();
        watchdog.poke();
    }

    /** Interrupts the guest code (or the transpile) if it still runs; the context stays usable. */
    void interrupt(Duration wait) throws TimeoutException {
        TypeScriptTranspiler.Lease lease = compiler;
        if (lease != null) lease.interrupt(wait);
        else isolate.interrupt(this, wait);
    }

    /**
     * Closes the context under this execution, which ignored interrupts or must free memory. While it
     * transpiles, that is the compiler's context, and the isolate keeps its globals unless the stop is one
     * that resets it anyway.
     */
    void forceClose() {
        TypeScriptTranspiler.Lease lease = compiler;
        if (lease != null) {
            lease.discard();
            StopReason reason = stop.reason();
            if (reason == null || !reason.resetsIsolate()) return;
        }
        synchronized (this) {
            if (ending || forcedReset) return;
            forcedReset = true;
            closeNanos = System.nanoTime();
        }
        isolate.forceClose(this);
    }

    /** Whether the watchdog had the context closed under this run, and when ({@link #closeNanos()}). */
    boolean closing() {
        return forcedReset;
    }

    long closeNanos() {
        return closeNanos;
    }

    /**
     * The forced close did not end the run in time: a built-in the engine cannot cancel holds its thread,
     * maybe for a minute. The caller gets the stop now and the isolate a new context for its next execution;
     * the thread finishes the built-in in the old one meanwhile, and the pool runs another in its place.
     */
    void abandon() {
        synchronized (this) {
            if (ending) return;
            ending = true;
            abandoned = true;
            threadReplaced = pool.replaceStuckThread();
        }
        LOG.warn("execution {} still runs a built-in in its closed context; answered its caller and left the thread"
                + " to finish it ({})", id, threadReplaced ? "another thread runs meanwhile" : "no thread to spare");
        release(stopped(), true);
    }

    /** After its slice: whether the run was abandoned meanwhile, giving the thread back to the pool if so. */
    private boolean leftBehind() {
        synchronized (this) {
            if (!abandoned) return false;
            abandoned = false;
            if (!threadReplaced) return true;
        }
        pool.stuckThreadBack();
        return true;
    }

    /** Completes a queued execution that never started. */
    void completeWithoutRunning(StopReason why) {
        future.complete(results.failure(stopError(why), Duration.ZERO));
    }

    /** Delivers the result, once the isolate has moved on ({@link Isolate#ended}). */
    void complete(ExecutionResult result) {
        future.complete(result);
    }

    // ---------------------------------------------------------------------------------------------
    // The execution

    /**
     * The first slice, on a pool thread: starts watching the execution, prepares and starts the code and
     * drives its loop. The execution ends with {@link Isolate#ended}, on whichever thread runs its last slice.
     */
    void start() {
        meter.enter();
        memory = heapGuard.open(meter::allocatedBytes, limits.maxRetainedBytes(), stop);
        startNanos = System.nanoTime();
        String evicted = isolate.takeEvictionNotice();
        if (evicted != null) logs.add("warn", evicted);
        watchdog.register(this);
        Watchdog.callListener(listener::started);
        slices(this::begin);
    }

    /** A later slice, on a pool thread: the loop was woken by a completion, its timer's alarm or a stop. */
    private void resume() {
        try {
            pool.execute(() -> {
                meter.enter();
                slices(() -> finish(loop.run(runtime)));
            });
        } catch (RejectedExecutionException e) {
            // The sandbox closed with this execution waiting: no thread will run it again.
            stop.request(StopReason.CLOSED);
            end(stopped());
        }
    }

    /**
     * Runs {@code step} (its result null while the loop is only idle), then more of the loop on this thread
     * while work keeps arriving before it parks. The slice has begun ({@link SliceMeter#enter}) on this thread.
     */
    private void slices(Supplier<ExecutionResult> step) {
        while (true) {
            ExecutionResult result = null;
            try {
                result = step.get();
            } catch (PolyglotException e) {
                result = failure(fromPolyglot(e, origin));
            } catch (Isolate.IsolateCapReached e) {
                result = failure(ExecutionErrors.isolateCapReached(e.cap()));
            } catch (IllegalStateException e) {
                // The context was closed under us: by the watchdog (forced reset) or by closing the isolate.
                result = stop.requested() ? stopped() : internalFailure(e);
            } catch (Throwable t) {
                EngineHealth.check(t);
                result = internalFailure(t);
            } finally {
                meter.leave();
            }
            if (leftBehind()) return;
            if (result != null) {
                end(result);
                return;
            }
            if (loop.park()) return;
            meter.enter();
            step = () -> finish(loop.run(runtime));
        }
    }

    /** Stops watching, releases what the execution held and hands the result to its isolate. */
    private void end(ExecutionResult result) {
        synchronized (this) {
            if (ending) return;
            ending = true;
            // The close may have come after the result was made (it ignored interrupts to the end): the
            // globals are gone all the same, and the caller must be told so.
            if (forcedReset && !saysReset(result)) result = stopped();
        }
        release(result, false);
    }

    /** The end's work, once: on the run's last slice, or on the watchdog's thread when it is abandoned. */
    private void release(ExecutionResult result, boolean abandoning) {
        isolate.end(this);
        loop.end();
        watchdog.unregister(this);
        heapGuard.close(memory);
        // A memory stop says the isolate was reset: its loop may see the stop (a parked one, woken at once)
        // before the watchdog gets to close the context, so the context goes here in any case.
        if (abandoning) isolate.abandonContext();
        else if (forcedReset || saysReset(result)) isolate.discardContext();
        else isolate.kept(memory.keptEstimate());
        StopReason reason = stop.reason();
        if (reason != null && reason.resetsIsolate()) heapGuard.collectSoon();
        isolate.ended(this, result);
    }

    private static boolean saysReset(ExecutionResult result) {
        return result instanceof ExecutionResult.Failed failed && failed.error().isolateReset();
    }

    private ExecutionResult internalFailure(Throwable t) {
        return failure(ExecutionErrors.internal(t.toString(), null, forcedReset));
    }

    /** The first slice's work: prepares the code, runs it and the loop; null when the loop went idle. */
    private ExecutionResult begin() {
        if (stop.requested()) return stopped();
        long codeBytes = AgentCode.utf8Bytes(request.code());
        if (codeBytes > limits.maxCodeBytes()) return failure(ExecutionErrors.codeTooLarge(codeBytes, limits));
        // Current from here on, so closing the isolate during preparation stops this execution too.
        isolate.begin(this);
        if (request.reset()) isolate.discardContext();
        Context context = isolate.context();
        runtime = isolate.runtime();
        // The limits hold from here on. A new context is the server's cost (up to seconds on a cold
        // engine); preparing the code (parsing, transpiling) is the agent's, so it counts.
        cpuAtLimits = meter.cpuNanos();
        deadlineNanos = System.nanoTime() + wallLimit.toNanos();
        Preparation.Program program = programs.get(request.code());
        if (program == null) {
            switch (Preparation.prepare(context, runtime, AgentCode.of(request.code()), this::transpile, stop)) {
                case Preparation.Refused refused -> {
                    return failure(refused.error());
                }
                case Preparation.Stopped stopped -> {
                    return stopped();
                }
                case Preparation.Program p -> program = p;
            }
            programs.put(request.code(), program);
        }
        origin = program.origin();
        if (stop.requested()) return stopped();

        Value function = isolate.parsed(context, program.source()).execute();
        runtime.run(function, origin.wrapped().callIfFunction(), loop.resolve(), loop.reject());
        return finish(loop.run(runtime));
    }

    /** Transpiles on a compiler borrowed for this execution, so that its stops reach the compiler; null if stopped. */
    private TypeScriptTranspiler.Transpiled transpile(String body) {
        try (TypeScriptTranspiler.Lease lease = typeScript.borrow(stop)) {
            if (lease == null) return null;
            compiler = lease;
            // A stop that came while borrowing went to the isolate, which was not running anything.
            if (stop.requested()) return null;
            return lease.transpile(body);
        } finally {
            compiler = null;
        }
    }

    /** The result the loop's outcome ends in; null while the loop is only idle. */
    private ExecutionResult finish(EventLoop.Outcome outcome) {
        ExecutionResult result = switch (outcome) {
            case EventLoop.Idle idle -> null;
            case EventLoop.Stopped stopped -> stopped();
            case EventLoop.Threw threw -> failure(ExecutionErrors.thrown(runtime, threw.error(), origin, forcedReset));
            case EventLoop.NeverSettled never -> failure(ExecutionErrors.neverSettled());
            case EventLoop.Returned returned ->
                    results.value(runtime.serialize(returned.value(), limits.maxResultBytes()), elapsed());
        };
        // Describing a thrown value or serialising the result runs the agent's getters and toJSON, and a
        // limit can stop those: then the limit is the answer, not "a value that cannot be described".
        return result != null && stop.requested() ? stopped() : result;
    }

    // ---------------------------------------------------------------------------------------------
    // Errors

    private ExecutionResult failure(ExecutionError error) {
        return results.failure(ExecutionErrors.aboutGrants(error, isolate.hostApi()), elapsed());
    }

    private ExecutionResult stopped() {
        return failure(stopError(stop.reason()));
    }

    private Duration elapsed() {
        return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private ExecutionError fromPolyglot(PolyglotException e, CodeOrigin origin) {
        EngineHealth.check(e);
        // An interrupt's frames name only the enclosing function, not the statement: no position then.
        if (stop.requested()) return stopError(stop.reason());
        if (e.isCancelled()) return stopError(StopReason.CANCELLED);
        return ExecutionErrors.fromEngine(e, origin, forcedReset);
    }

    private ExecutionError stopError(StopReason why) {
        return ExecutionErrors.stopped(why, wallLimit, limits, forcedReset);
    }
}
