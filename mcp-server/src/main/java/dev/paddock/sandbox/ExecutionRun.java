package dev.paddock.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One execution, from preparing the code to its result. It runs on one pool thread, which drives the
 * execution's {@link EventLoop} to the end, so the context is never used by two threads at once. The
 * watchdog watches it from outside and the heap guard keeps its {@link MemoryAccount}; both stop it
 * through its {@link StopSignal}.
 */
final class ExecutionRun implements ExecutionScope {

    private static final AtomicLong IDS = new AtomicLong();

    /** Unique in the process: what tells the prelude which execution registered a callback. */
    private final long id = IDS.incrementAndGet();
    private final Isolate isolate;
    private final ExecutionRequest request;
    private final ExecutionListener listener;
    private final HostCalls calls;
    private final Limits limits;
    private final Watchdog watchdog;
    private final HeapGuard heapGuard;
    private final TypeScriptTranspiler typeScript;
    private final Duration wallLimit;
    private final CompletableFuture<ExecutionResult> future = new CompletableFuture<>();
    /** One future for all host calls of this run, so a capability can tell its runs apart (fetch caps). */
    private final CompletableFuture<Void> ended = future.thenApply(result -> null);
    private final LogBuffer logs;
    private final ResultShaper results;
    private final StopSignal stop = new StopSignal(this::stopRequested);
    private final EventLoop loop = new EventLoop(stop);

    // Set when it starts; read by the watchdog.
    private volatile Thread thread;
    private volatile MemoryAccount memory;
    private volatile long startNanos;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long cpuStartNanos = -1;
    /** The watchdog had to close the context: globals are gone. */
    private volatile boolean forcedReset;
    /** The TypeScript compiler this execution is transpiling with, which stops must reach instead of the isolate. */
    private volatile TypeScriptTranspiler.Lease compiler;

    ExecutionRun(Isolate isolate, ExecutionRequest request, ExecutionListener listener, HostCalls calls, Limits limits,
            Watchdog watchdog, HeapGuard heapGuard, TypeScriptTranspiler typeScript) {
        this.isolate = isolate;
        this.request = request;
        this.listener = listener == null ? ExecutionListener.NONE : listener;
        this.calls = calls;
        this.limits = limits;
        this.watchdog = watchdog;
        this.heapGuard = heapGuard;
        this.typeScript = typeScript;
        this.logs = new LogBuffer(limits.maxLogLines(), limits.maxLogBytes());
        this.results = new ResultShaper(logs, limits.maxResultBytes());
        this.wallLimit = wallLimit(request, limits);
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

    Thread thread() {
        return thread;
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    long cpuStartNanos() {
        return cpuStartNanos;
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
        forcedReset = true;
        isolate.forceClose(this);
    }

    /** Completes a queued execution that never started. */
    void completeWithoutRunning(StopReason why) {
        future.complete(results.failure(stopError(why), Duration.ZERO));
    }

    /** Delivers the result of {@link #execute()}. */
    void complete(ExecutionResult result) {
        future.complete(result);
    }

    // ---------------------------------------------------------------------------------------------
    // The execution

    /** Runs on a pool thread; always returns a result, for the isolate to {@link #complete}. */
    ExecutionResult execute() {
        thread = Thread.currentThread();
        memory = heapGuard.open(thread, limits.maxRetainedBytes(), stop);
        startNanos = System.nanoTime();
        String evicted = isolate.takeEvictionNotice();
        if (evicted != null) logs.add("warn", evicted);
        watchdog.register(this);
        Watchdog.callListener(listener::started);
        ExecutionResult result;
        try {
            result = executeRegistered();
        } catch (Throwable t) {
            EngineHealth.check(t);
            result = failure(ExecutionErrors.internal(t.toString(), null, forcedReset));
        } finally {
            watchdog.unregister(this);
            heapGuard.close(memory);
        }
        if (forcedReset) isolate.discardContext();
        else isolate.kept(memory.keptEstimate());
        StopReason reason = stop.reason();
        if (reason != null && reason.resetsIsolate()) heapGuard.collectSoon();
        return result;
    }

    private ExecutionResult executeRegistered() {
        if (stop.requested()) return stopped();
        long codeBytes = AgentCode.utf8Bytes(request.code());
        if (codeBytes > limits.maxCodeBytes()) return failure(ExecutionErrors.codeTooLarge(codeBytes, limits));
        CodeOrigin origin = null;
        // Current from here on, so closing the isolate during preparation stops this execution too.
        isolate.begin(this);
        try {
            if (request.reset()) isolate.discardContext();
            Context context = isolate.context();
            GuestRuntime runtime = isolate.runtime();
            // The limits hold from here on. A new context is the server's cost (up to seconds on a cold
            // engine); preparing the code (parsing, transpiling) is the agent's, so it counts.
            cpuStartNanos = Watchdog.cpuTime(thread);
            deadlineNanos = System.nanoTime() + wallLimit.toNanos();
            Preparation.Program program;
            switch (Preparation.prepare(context, runtime, AgentCode.of(request.code()), this::transpile, stop)) {
                case Preparation.Refused refused -> {
                    return failure(refused.error());
                }
                case Preparation.Stopped stopped -> {
                    return stopped();
                }
                case Preparation.Program p -> program = p;
            }
            origin = program.origin();
            if (stop.requested()) return stopped();

            runtime.resetTimers();
            Value function = program.program().execute();
            runtime.run(function, origin.wrapped().callIfFunction(), loop.resolve(), loop.reject());
            return finish(runtime, loop.run(runtime), origin);
        } catch (PolyglotException e) {
            return failure(fromPolyglot(e, origin));
        } catch (IllegalStateException e) {
            // The context was closed under us: by the watchdog (forced reset) or by closing the isolate.
            if (stop.requested()) return stopped();
            throw e;
        } finally {
            isolate.end(this);
            loop.clearTimers();
        }
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

    private ExecutionResult finish(GuestRuntime runtime, EventLoop.Outcome outcome, CodeOrigin origin) {
        ExecutionResult result = switch (outcome) {
            case EventLoop.Stopped stopped -> stopped();
            case EventLoop.Threw threw -> failure(ExecutionErrors.thrown(runtime, threw.error(), origin, forcedReset));
            case EventLoop.NeverSettled never -> failure(ExecutionErrors.neverSettled());
            case EventLoop.Returned returned ->
                    results.value(runtime.serialize(returned.value(), limits.maxResultBytes()), elapsed());
        };
        // Describing a thrown value or serialising the result runs the agent's getters and toJSON, and a
        // limit can stop those: then the limit is the answer, not "a value that cannot be described".
        return stop.requested() ? stopped() : result;
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
