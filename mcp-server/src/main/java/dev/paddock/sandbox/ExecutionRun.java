package dev.paddock.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One execution, from normalising the code to the result. It runs on one pool thread, which drives the
 * isolate's event loop for the whole execution: timers and host-call completions all run on that thread,
 * so the context is never used by two threads at once. The watchdog watches it from outside.
 */
final class ExecutionRun implements ExecutionScope {

    /** How often the loop re-checks its flags while waiting for host work. */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int PREVIEW_CHARS = 1000;
    private static final Runnable WAKE_UP = () -> {};

    private record Timer(long due, long sequence, long id) {}

    private final Isolate isolate;
    private final ExecutionRequest request;
    private final ExecutionListener listener;
    private final Limits limits;
    private final CompletableFuture<ExecutionResult> future = new CompletableFuture<>();
    private final LogBuffer logs;

    // Loop state: touched only by the execution thread, except the task queue and counters.
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingHostWork = new AtomicInteger();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    private long timerSequence;
    private boolean settled;
    private Value value;
    private Value rejection;
    private Value uncaught;

    // Read by the watchdog.
    private final AtomicReference<String> abortKind = new AtomicReference<>();
    private volatile long startNanos;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long cpuStartNanos = -1;
    private volatile long allocatedAtStart = -1;
    /** The lowest heap-after-GC reading since this execution started: what its heap growth counts from. */
    private volatile long heapBaseline;
    private volatile long allAllocatedAtStart = -1;
    /** Bytes it had allocated at the heap guard's latest reading (or request for one). */
    private volatile long allocatedAtReading;
    /** Its share of the heap's growth at the latest reading: what the isolate is charged when it ends. */
    private volatile long keptEstimate;
    private volatile long abortNanos;
    private volatile Thread thread;
    private volatile boolean forcedReset;
    private final Duration wallLimit;

    ExecutionRun(Isolate isolate, ExecutionRequest request, ExecutionListener listener, Limits limits) {
        this.isolate = isolate;
        this.request = request;
        this.listener = listener == null ? ExecutionListener.NONE : listener;
        this.limits = limits;
        this.logs = new LogBuffer(limits.maxLogLines(), limits.maxLogBytes());
        Duration wall = limits.wallTime();
        if (request.timeout().isPresent() && request.timeout().get().compareTo(wall) < 0) {
            wall = request.timeout().get().isNegative() || request.timeout().get().isZero()
                    ? Duration.ofMillis(1) : request.timeout().get();
        }
        this.wallLimit = wall;
    }

    CompletableFuture<ExecutionResult> future() {
        return future;
    }

    @Override
    public ExecutionListener listener() {
        return listener;
    }

    @Override
    public Instant deadline() {
        long remaining = deadlineNanos == Long.MAX_VALUE ? wallLimit.toNanos() : deadlineNanos - System.nanoTime();
        return Instant.now().plusNanos(Math.max(0, remaining));
    }

    @Override
    public CompletableFuture<Void> whenEnded() {
        return future.thenApply(result -> null);
    }

    /**
     * A call from the isolate to the host API: the work happens off this thread, and its outcome is handed
     * back to the loop, which settles the JS promise. Outcomes arriving after the execution ended are
     * dropped with the loop's queue: they never touch a context another execution may be using.
     */
    void hostCall(HostApi api, String namespace, String method, String argumentsJson, Value resolve, Value reject) {
        HostWork work = beginHostWork();
        CompletableFuture<String> call;
        try {
            call = api.call(namespace, method, argumentsJson, this);
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

    // ---------------------------------------------------------------------------------------------
    // Seen from the watchdog and from cancel()

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

    /** Bytes this execution's thread allocated since it started; -1 before that or where unknown. */
    long allocatedSinceStart() {
        Thread t = thread;
        long start = allocatedAtStart;
        if (t == null || start < 0) return -1;
        long now = Watchdog.allocatedBytes(t);
        return now < 0 ? -1 : now - start;
    }

    /**
     * How much the heap after GC grew since this execution started, given the latest reading; a lower
     * reading becomes the new baseline (garbage from before was freed). Called by the heap guard only.
     */
    long heapGrowth(long retained) {
        long growth = retained - heapBaseline;
        if (growth < 0) heapBaseline = retained;
        return growth;
    }

    /**
     * This execution's part of the bytes the sandbox's threads allocated since it started (0 to 1): its
     * share of the heap growth. Other sessions and the TypeScript warm-up allocate, and keep some, too.
     */
    double allocationShare() {
        long own = allocatedSinceStart();
        long start = allAllocatedAtStart;
        long all = isolate.sandbox().allocatedByWorkers() - start;
        if (own < 0 || start < 0 || all <= 0) return 1;
        return Math.min(1, (double) own / all);
    }

    long allocatedAtReading() {
        return allocatedAtReading;
    }

    void read(long allocated) {
        allocatedAtReading = allocated;
    }

    void keptEstimate(long bytes) {
        keptEstimate = bytes;
    }

    Duration wallLimit() {
        return wallLimit;
    }

    Limits limits() {
        return limits;
    }

    String abortKind() {
        return abortKind.get();
    }

    long abortNanos() {
        return abortNanos;
    }

    Isolate isolate() {
        return isolate;
    }

    /** Asks the execution to stop; the first reason wins. The watchdog does the interrupting. */
    boolean abort(String kind) {
        if (!abortKind.compareAndSet(null, kind)) return false;
        abortNanos = System.nanoTime();
        tasks.offer(WAKE_UP);
        return true;
    }

    /** The watchdog had to close the context: globals are gone. */
    void markForcedReset() {
        forcedReset = true;
    }

    /** Completes a queued execution that never started. */
    void completeWithoutRunning(String kind) {
        future.complete(new ExecutionResult(null, limitError(kind), logs.entries(), false, Duration.ZERO));
    }

    // ---------------------------------------------------------------------------------------------
    // Hooks from the standard library (execution thread)

    void log(String level, String message) {
        logs.add(level, message);
    }

    void setTimer(long id, long delayMillis) {
        timers.removeIf(t -> t.id == id);
        timers.add(new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), timerSequence++, id));
    }

    void clearTimer(long id) {
        timers.removeIf(t -> t.id == id);
    }

    void uncaught(Value error) {
        if (uncaught == null) uncaught = error;
    }

    /**
     * Runs {@code completion} on the loop thread once the host work started now finishes. Until then the
     * loop knows something is still pending, so an unsettled promise is not reported as stuck.
     * Capabilities use this for host calls that complete on other threads.
     */
    HostWork beginHostWork() {
        pendingHostWork.incrementAndGet();
        return completion -> {
            tasks.offer(completion);
            pendingHostWork.decrementAndGet();
        };
    }

    /** Host work in flight; {@link #complete} hands its continuation to the loop thread. */
    interface HostWork {
        void complete(Runnable onLoopThread);
    }

    // ---------------------------------------------------------------------------------------------
    // The execution

    /** Runs on a pool thread; always completes the future. */
    void execute(Watchdog watchdog) {
        thread = Thread.currentThread();
        allocatedAtStart = Watchdog.allocatedBytes(thread);
        allAllocatedAtStart = isolate.sandbox().allocatedByWorkers();
        heapBaseline = isolate.sandbox().heapGuard().retainedNow();
        startNanos = System.nanoTime();
        String evicted = isolate.takeEvictionNotice();
        if (evicted != null) logs.add("warn", evicted);
        watchdog.register(this);
        Watchdog.callListener(listener::started);
        ExecutionResult result;
        try {
            result = executeRegistered();
        } catch (Throwable t) {
            result = failure(ExecutionErrors.internal(t.toString(), null, forcedReset));
        } finally {
            watchdog.unregister(this);
        }
        if (forcedReset) isolate.discardContext();
        else isolate.kept(keptEstimate);
        String kind = abortKind.get();
        if (kind != null && ExecutionErrors.RESETS_ISOLATE.contains(kind)) isolate.sandbox().heapGuard().collectSoon();
        future.complete(result);
    }

    private ExecutionResult executeRegistered() {
        if (abortKind.get() != null) return failure(limitError(abortKind.get()));
        CodeOrigin origin = null;
        // Current from here on, so closing the isolate during preparation stops this execution too.
        isolate.begin(this);
        try {
            if (request.reset()) isolate.discardContext();
            Context context = isolate.context();
            GuestRuntime runtime = isolate.runtime();
            AgentCode code = AgentCode.of(request.code());
            Preparation.Prepared prepared = Preparation.prepare(context, code, isolate.sandbox().typeScript());
            if (prepared.error() != null) return failure(prepared.error());
            origin = prepared.origin();
            if (abortKind.get() != null) return failure(limitError(abortKind.get()));

            cpuStartNanos = Watchdog.cpuTime(thread);
            deadlineNanos = System.nanoTime() + wallLimit.toNanos();
            runtime.resetTimers();
            Value function = prepared.program().execute();
            ProxyExecutable resolve = args -> settle(args[0], null);
            ProxyExecutable reject = args -> settle(null, args[0]);
            runtime.run(function, origin.wrapped().callIfFunction(), resolve, reject);
            return loopUntilSettled(runtime, origin);
        } catch (PolyglotException e) {
            return failure(fromPolyglot(e, origin));
        } catch (IllegalStateException e) {
            // The context was closed under us: by the watchdog (forced reset) or by closing the isolate.
            String kind = abortKind.get();
            if (kind != null) return failure(limitError(kind));
            throw e;
        } finally {
            isolate.end(this);
            timers.clear();
        }
    }

    private Object settle(Value resolved, Value rejected) {
        if (!settled) {
            settled = true;
            value = resolved;
            rejection = rejected;
        }
        return null;
    }

    private ExecutionResult loopUntilSettled(GuestRuntime runtime, CodeOrigin origin) throws PolyglotException {
        boolean neverSettled = false;
        while (!settled && uncaught == null && abortKind.get() == null) {
            long now = System.nanoTime();
            Timer next = timers.peek();
            if (next != null && next.due <= now) {
                timers.poll();
                runtime.fireTimer(next.id);
                continue;
            }
            Runnable task = tasks.poll();
            if (task != null) {
                task.run();
                continue;
            }
            if (next == null && pendingHostWork.get() == 0) {
                neverSettled = true;
                break;
            }
            long wait = next == null ? IDLE_POLL_NANOS : Math.min(next.due - now, IDLE_POLL_NANOS);
            try {
                task = tasks.poll(Math.max(wait, 1), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort("cancelled");
                break;
            }
            if (task != null) task.run();
        }
        String kind = abortKind.get();
        if (kind != null) return failure(limitError(kind));
        ExecutionResult outcome;
        if (uncaught != null) outcome = failure(runtimeError(runtime, uncaught, origin));
        else if (neverSettled) outcome = failure(ExecutionErrors.neverSettled());
        else if (rejection != null) outcome = failure(runtimeError(runtime, rejection, origin));
        else outcome = success(runtime.serialize(value, limits.maxResultBytes()));
        // Describing a thrown value or serialising the result runs the agent's getters and toJSON, and a
        // limit can stop those: then the limit is the answer, not "a value that cannot be described".
        kind = abortKind.get();
        return kind != null ? failure(limitError(kind)) : outcome;
    }

    // ---------------------------------------------------------------------------------------------
    // Results and errors

    private ExecutionResult success(GuestRuntime.Serialized serialized) {
        int bytes = serialized.json().getBytes(StandardCharsets.UTF_8).length;
        if (serialized.complete() && bytes <= limits.maxResultBytes()) {
            return new ExecutionResult(Json.MAPPER.readTree(serialized.json()), null, logs.entries(),
                    logs.truncated(), elapsed());
        }
        ObjectNode marker = Json.MAPPER.createObjectNode();
        marker.put("$truncated", true);
        marker.put("limitBytes", limits.maxResultBytes());
        if (serialized.complete()) marker.put("bytes", bytes);
        String json = serialized.json();
        marker.put("preview", json.substring(0, Math.min(PREVIEW_CHARS, json.length())));
        marker.put("message", "the result is larger than the " + limits.maxResultBytes()
                + "-byte limit; return a smaller value (e.g. a summary or a slice)");
        return new ExecutionResult(marker, null, logs.entries(), true, elapsed());
    }

    private ExecutionResult failure(ExecutionError error) {
        return new ExecutionResult(null, error, logs.entries(), logs.truncated(), elapsed());
    }

    private Duration elapsed() {
        return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private ExecutionError runtimeError(GuestRuntime runtime, Value error, CodeOrigin origin) {
        JsonNode described = Json.MAPPER.readTree(runtime.describeError(error));
        CodeOrigin.Position at = null;
        if (error.isException()) {
            try {
                error.throwException();
            } catch (PolyglotException e) {
                at = origin.map(e);
            }
        }
        // path(): a runtime bug must not surface as a NullPointerException instead of the agent's error.
        return ExecutionErrors.positioned("runtime", described.path("name").asString("Error"),
                described.path("message").asString(""), at, forcedReset);
    }

    private ExecutionError fromPolyglot(PolyglotException e, CodeOrigin origin) {
        String kind = abortKind.get();
        // An interrupt's frames name only the enclosing function, not the statement: no position then.
        if (kind != null) return limitError(kind);
        if (e.isCancelled()) return limitError("cancelled");
        return ExecutionErrors.fromEngine(e, origin, forcedReset);
    }

    private ExecutionError limitError(String kind) {
        return ExecutionErrors.limit(kind, wallLimit, limits, forcedReset);
    }
}
