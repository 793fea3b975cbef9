package dev.paddock.sandbox;

import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything isolates share in one process: the GraalJS Engine, the bounded execution pool, the
 * watchdog and the TypeScript transpiler. Create one per process; create one {@link Isolate} per session.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** Interpreted JS recurses through deep Java stacks; this keeps "Maximum call stack" a JS RangeError. */
    private static final long EXECUTION_STACK_BYTES = 16L << 20;

    private final Limits limits;
    private final Engine engine;
    private final ExecutorService pool;
    private final Watchdog watchdog;
    private final TypeScriptTranspiler typeScript;
    private final SecureRandom random = new SecureRandom();

    private Sandbox(Limits limits, int threads) {
        this.limits = limits;
        this.engine = Contexts.newEngine();
        this.pool = Executors.newFixedThreadPool(threads, executionThreads());
        this.watchdog = new Watchdog();
        this.typeScript = new TypeScriptTranspiler(engine);
    }

    /** Starts the shared engine and pool; warms the engine and the TypeScript compiler in the background. */
    public static Sandbox start(Limits limits) {
        return start(limits, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #start(Limits)}, with at most {@code threads} executions running at once. */
    public static Sandbox start(Limits limits, int threads) {
        if (limits == null) throw new IllegalArgumentException("limits must not be null");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        Sandbox sandbox = new Sandbox(limits, threads);
        Thread.ofPlatform().name("paddock-warmup").daemon().start(sandbox::warmUp);
        return sandbox;
    }

    /** Without the background warm-up: for tests that need other limits but no TypeScript. */
    static Sandbox startCold(Limits limits, int threads) {
        return new Sandbox(limits, threads);
    }

    /**
     * The first context of a process costs up to seconds; the TypeScript compiler seconds more. Paying both
     * here, off the request path, makes the first execution fast.
     */
    private void warmUp() {
        long start = System.nanoTime();
        try (Context c = Contexts.newContext(engine)) {
            GuestRuntime.install(c, NoHooks.INSTANCE);
        } catch (RuntimeException e) {
            if (pool.isShutdown()) return; // closed while warming up: nothing went wrong
            LOG.warn("engine warm-up failed", e);
        }
        LOG.debug("engine warm in {} ms ({})", (System.nanoTime() - start) / 1_000_000, runtimeMode());
        typeScript.load();
        LOG.debug("TypeScript compiler loaded in {} ms", typeScript.loadMillis());
    }

    /** A fresh isolate for one session. */
    public Isolate newIsolate() {
        return newIsolate(HostApi.NONE);
    }

    /** A fresh isolate whose code can call {@code api}: its capability namespaces and fetch. */
    public Isolate newIsolate(HostApi api) {
        return new Isolate(this, api);
    }

    /**
     * "optimizing" when the Graal JIT compiles JS, else "interpreter" — for the startup log. Truffle names
     * its fallback runtime "Interpreted"; the optimizing runtime names the compiler instead.
     */
    public String runtimeMode() {
        return "Interpreted".equalsIgnoreCase(engine.getImplementationName()) ? "interpreter" : "optimizing";
    }

    public Limits limits() {
        return limits;
    }

    Engine engine() {
        return engine;
    }

    ExecutorService pool() {
        return pool;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    TypeScriptTranspiler typeScript() {
        return typeScript;
    }

    SecureRandom random() {
        return random;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.close();
        typeScript.close();
        try {
            engine.close(true);
        } catch (RuntimeException e) {
            LOG.debug("engine close", e);
        }
    }

    private static ThreadFactory executionThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(null, task, "paddock-exec-" + count.incrementAndGet(), EXECUTION_STACK_BYTES);
            t.setDaemon(true);
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
    }
}
