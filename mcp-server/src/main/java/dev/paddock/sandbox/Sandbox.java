package dev.paddock.sandbox;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything isolates share in one process: the GraalJS Engine, the bounded execution pool and the alarm
 * clock that wakes executions waiting for a timer, the watchdog, the TypeScript transpiler, the warm
 * contexts new isolates take and the programs prepared from code sent before. Create one
 * per process; create one {@link Isolate} per session.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** Interpreted JS recurses through deep Java stacks; this keeps "Maximum call stack" a JS RangeError. */
    private static final long EXECUTION_STACK_BYTES = 16L << 20;
    /** The JVM's default stack size, for threads that run no agent code. */
    private static final long NORMAL_STACK = 0;

    private final Limits limits;
    private final SharedEngine engine;
    private final ExecutionPool pool;
    /** One thread for all waiting executions' timers: it only puts a due execution back on the pool. */
    private final ScheduledThreadPoolExecutor alarms;
    private final Watchdog watchdog;
    private final TypeScriptTranspiler typeScript;
    private final PreparedPrograms programs = new PreparedPrograms();
    private final WarmContexts warmContexts;
    private final SecureRandom random = new SecureRandom();
    private final HeapGuard heapGuard;
    private final int maxIsolates;
    /** Isolates holding a live context: what the isolate cap counts. */
    private final Set<Isolate> live = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Isolate>> evictionListeners = new CopyOnWriteArrayList<>();
    /**
     * Threads that run guest code (the pool, the warm-up, the TypeScript compiler's loader): whose allocation
     * the heap guard compares.
     */
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    /** What workers that have ended allocated, so the sum never goes backwards. */
    private final AtomicLong retiredWorkerBytes = new AtomicLong();

    private Sandbox(Limits limits, Capacity capacity, LongSupplier heapThreshold) {
        this.limits = limits;
        this.maxIsolates = capacity.maxIsolates();
        this.engine = new SharedEngine();
        // A FIFO queue of runnable slices: an isolate puts its next execution at the back after each one, so
        // a session with many queued executions takes turns with the others instead of holding the pool. An
        // execution that waits for host work or a timer holds no thread (ExecutionRun), so the pool's size
        // bounds the executions running guest code, not those in flight.
        this.pool = new ExecutionPool(capacity.threads(), workerThreads("paddock-exec-", EXECUTION_STACK_BYTES));
        this.alarms = new ScheduledThreadPoolExecutor(1, task -> Thread.ofPlatform().name("paddock-alarms").daemon().unstarted(task));
        // A woken execution cancels its alarm: without this, each would stay queued until its time.
        alarms.setRemoveOnCancelPolicy(true);
        this.heapGuard = new HeapGuard(heapThreshold, this::evictHeaviestIdle, this::allocatedByWorkers);
        this.watchdog = new Watchdog(heapGuard);
        // Refills run beside executions on a small machine: the lowest priority lets those go first where the
        // OS honours it, and one thread builds one context at a time.
        this.warmContexts = new WarmContexts(engine, random, capacity.warmContexts(), task -> {
            Thread t = workerThreads("paddock-warm-", NORMAL_STACK).newThread(task);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        // One compiler per execution thread, so no TypeScript execution waits for another's transpile. On the
        // shared engine only the first is costly (~85 MiB, the compiler's code, and seconds to load); each
        // further one keeps ~3 MiB and loads in about a second (measured), on the loader thread.
        this.typeScript = new TypeScriptTranspiler(engine, capacity.threads(),
                Executors.newSingleThreadExecutor(workerThreads("paddock-typescript-", NORMAL_STACK)));
    }

    /**
     * Starts the shared engine and pool and warms the engine in the background. The TypeScript compiler loads
     * when the first code that is not JavaScript arrives: loading it costs seconds of CPU that, at start, would
     * compete with answering {@code initialize} and the first execute, which are mostly JavaScript.
     */
    public static Sandbox start(Limits limits) {
        return start(limits, Capacity.defaults());
    }

    /** As {@link #start(Limits)}, with at most {@code threads} executions running at once. */
    public static Sandbox start(Limits limits, int threads) {
        return start(limits, Capacity.defaults().withThreads(threads));
    }

    /** As {@link #start(Limits)}, with the given pool size, isolate cap and heap-pressure threshold. */
    public static Sandbox start(Limits limits, Capacity capacity) {
        if (limits == null) throw new IllegalArgumentException("limits must not be null");
        if (capacity == null) throw new IllegalArgumentException("capacity must not be null");
        Sandbox sandbox = new Sandbox(limits, capacity, HeapGuard.fractionOfMaxHeap(capacity.heapPressure()));
        Thread.ofPlatform().name("paddock-warmup").daemon().start(sandbox::warmUp);
        return sandbox;
    }

    /** Without the engine's background warm-up: for tests that need other limits. */
    static Sandbox startCold(Limits limits, int threads) {
        Capacity capacity = Capacity.defaults().withThreads(threads);
        return new Sandbox(limits, capacity, HeapGuard.fractionOfMaxHeap(capacity.heapPressure()));
    }

    /** As {@link #startCold(Limits, int)} with an exact heap threshold in bytes: for heap-guard tests. */
    static Sandbox startCold(Limits limits, Capacity capacity, LongSupplier heapThresholdBytes) {
        return new Sandbox(limits, capacity, heapThresholdBytes);
    }

    /**
     * Calls {@code listener} (on the thread that created another context) whenever an idle isolate is
     * evicted to stay under the isolate cap, so its owner can drop per-session state too.
     */
    public void onEviction(Consumer<Isolate> listener) {
        evictionListeners.add(listener);
    }

    /**
     * Counts a context about to be created for {@code isolate}, evicting the longest-idle other isolates
     * while over the cap. False, counting nothing, when no other isolate is idle: all are running or waiting
     * for host work or timers, and a waiting execution holds no thread, so the cap is then what bounds the
     * executions in flight.
     */
    boolean admitContext(Isolate isolate) {
        live.add(isolate);
        while (live.size() > maxIsolates) {
            long now = System.nanoTime();
            Isolate idlest = live.stream().filter(i -> i != isolate && i.idleWithContext())
                    .max(Comparator.comparingLong(i -> i.idleNanos(now))).orElse(null);
            if (idlest == null) {
                live.remove(isolate);
                return false;
            }
            long idleSeconds = idlest.idleNanos(now) / 1_000_000_000L;
            evict(idlest, "this session's isolate was evicted after " + idleSeconds + " s idle to stay under the "
                    + maxIsolates + "-isolate cap; its globals and in-memory state were lost");
            // If it got work meanwhile it was not evicted: look again.
        }
        return true;
    }

    int maxIsolates() {
        return maxIsolates;
    }

    /**
     * Under heap pressure with no running execution to blame: evicts the idle isolate whose executions kept
     * the most (by the heap guard's estimate, at least {@code minimum} bytes). False if there is none.
     */
    boolean evictHeaviestIdle(long minimum) {
        Isolate heaviest = live.stream().filter(Isolate::idleWithContext)
                .max(Comparator.comparingLong(Isolate::keptBytes)).orElse(null);
        if (heaviest == null || heaviest.keptBytes() < minimum) return false;
        long mib = heaviest.keptBytes() >> 20;
        return evict(heaviest, "this session's isolate was evicted while idle because the server's memory was nearly "
                + "full and its earlier executions had kept the most (~" + mib + " MiB); its globals and in-memory "
                + "state were lost");
    }

    private boolean evict(Isolate isolate, String notice) {
        if (!isolate.evict(notice)) return false;
        live.remove(isolate);
        LOG.info("evicted an isolate: {}", notice);
        for (Consumer<Isolate> l : evictionListeners) Watchdog.callListener(() -> l.accept(isolate));
        return true;
    }

    void contextReleased(Isolate isolate) {
        live.remove(isolate);
    }

    /** Isolates holding a live context now. */
    public int liveIsolates() {
        return live.size();
    }

    /** The first context of a process costs up to seconds: paid here, off the request path. */
    private void warmUp() {
        Thread self = Thread.currentThread();
        workers.add(self);
        try {
            warmEngine();
        } finally {
            workers.remove(self);
            retiredWorkerBytes.addAndGet(Math.max(0, Watchdog.allocatedBytes(self)));
        }
    }

    private void warmEngine() {
        long start = System.nanoTime();
        try (Context c = engine.newContext()) {
            GuestRuntime.install(c, NoHooks.INSTANCE);
        } catch (RuntimeException e) {
            if (pool.isShutdown()) return; // closed while warming up: nothing went wrong
            LOG.warn("engine warm-up failed", e);
        }
        LOG.debug("engine warm in {} ms ({})", (System.nanoTime() - start) / 1_000_000, runtimeMode());
        warmContexts.fill();
    }

    /** A fresh isolate for one session. */
    public Isolate newIsolate() {
        return newIsolate(HostApi.NONE);
    }

    /** A fresh isolate whose code can call {@code api}: its capability namespaces and fetch. */
    public Isolate newIsolate(HostApi api) {
        return newIsolate(api, limits);
    }

    /**
     * As {@link #newIsolate(HostApi)}, with the limits of the profile the session belongs to: one sandbox
     * serves every profile of an HTTP server, and each profile's limits must hold for its own sessions.
     */
    public Isolate newIsolate(HostApi api, Limits limits) {
        return new Isolate(this, api, limits);
    }

    /**
     * "optimizing" when the Graal JIT compiles JS, else "interpreter" — for the startup log. Truffle names
     * its fallback runtime "Interpreted"; the optimizing runtime names the compiler instead.
     */
    public String runtimeMode() {
        return "Interpreted".equalsIgnoreCase(engine.engine().getImplementationName()) ? "interpreter" : "optimizing";
    }

    public Limits limits() {
        return limits;
    }

    SharedEngine engine() {
        return engine;
    }

    ExecutionPool pool() {
        return pool;
    }

    ScheduledExecutorService alarms() {
        return alarms;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    HeapGuard heapGuard() {
        return heapGuard;
    }

    TypeScriptTranspiler typeScript() {
        return typeScript;
    }

    PreparedPrograms programs() {
        return programs;
    }

    WarmContexts warmContexts() {
        return warmContexts;
    }

    @Override
    public void close() {
        alarms.shutdownNow();
        pool.shutdownNow();
        // A waiting execution holds no thread that shutting the pool down could interrupt: the stop wakes it,
        // and with the pool gone it ends at once as closed.
        watchdog.stopAll(StopReason.CLOSED);
        heapGuard.close();
        watchdog.close();
        typeScript.close();
        warmContexts.close();
        engine.close();
    }

    /**
     * Bytes allocated so far by the threads that run guest code (execution pool, warm-up, compiler loader), or
     * -1 where the JVM cannot tell. The JIT compiler's threads are left out: they allocate much and keep little.
     */
    long allocatedByWorkers() {
        long sum = retiredWorkerBytes.get();
        for (Thread t : workers) {
            long bytes = Watchdog.allocatedBytes(t);
            if (bytes < 0 && t.isAlive()) return -1;
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    private ThreadFactory workerThreads(String prefix, long stackBytes) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(null, task, prefix + count.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            workers.add(t);
            return t;
        };
    }

    /** Hooks for the warm-up context, where no agent code runs. */
    private enum NoHooks implements GuestRuntime.Hooks {
        INSTANCE;

        @Override
        public void log(String level, String message) {}

        @Override
        public void setTimer(long id, long delayMillis) {}

        @Override
        public void clearTimer(long id) {}

        @Override
        public String randomHex(int count) {
            return "00".repeat(count);
        }

        @Override
        public double clockMillis() {
            return 0;
        }

        @Override
        public void uncaught(org.graalvm.polyglot.Value error) {}

        @Override
        public void hostCall(String namespace, String method, String argumentsJson, org.graalvm.polyglot.Value resolve,
                org.graalvm.polyglot.Value reject) {}

        @Override
        public long executionId() {
            return 0;
        }
    }
}
