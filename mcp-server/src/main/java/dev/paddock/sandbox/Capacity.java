package dev.paddock.sandbox;

/**
 * What one sandbox (one process) shares among all sessions.
 *
 * @param threads       executions running code at once on the shared pool; more wait their turn, oldest
 *                      first. One that only awaits host work or a timer holds no thread.
 * @param maxIsolates   isolates holding a live context; past it the longest-idle one is evicted (loses its
 *                      globals) and its session's next execution says so in a warn log entry. With none
 *                      idle, a new isolate's first execution is refused: this bounds executions in flight.
 * @param heapPressure  fraction of the maximum heap that, still in use after a garbage collection, makes
 *                      the heap guard stop the running execution that allocated the most
 * @param warmContexts  contexts kept ready, standard library evaluated, for new sessions and resets to take;
 *                      0 builds each on the request path
 */
public record Capacity(int threads, int maxIsolates, double heapPressure, int warmContexts) {

    public static final int DEFAULT_MAX_ISOLATES = 1000;
    public static final double DEFAULT_HEAP_PRESSURE = 0.7;
    public static final int DEFAULT_WARM_CONTEXTS = 2;
    /** More would only hold memory: a refill takes milliseconds, sessions rarely start faster than that. */
    public static final int MAX_WARM_CONTEXTS = 64;

    public Capacity {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (maxIsolates < 1) throw new IllegalArgumentException("maxIsolates must be at least 1");
        if (!(heapPressure > 0 && heapPressure < 1)) {
            throw new IllegalArgumentException("heapPressure must be a fraction between 0 and 1");
        }
        if (warmContexts < 0 || warmContexts > MAX_WARM_CONTEXTS) {
            throw new IllegalArgumentException("warmContexts must be between 0 and " + MAX_WARM_CONTEXTS);
        }
    }

    /** Two executions per core (at least 4), 1000 isolates, heap pressure at 70 %, 2 warm contexts. */
    public static Capacity defaults() {
        return new Capacity(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                DEFAULT_MAX_ISOLATES, DEFAULT_HEAP_PRESSURE, DEFAULT_WARM_CONTEXTS);
    }

    public Capacity withThreads(int n) {
        return new Capacity(n, maxIsolates, heapPressure, warmContexts);
    }

    public Capacity withMaxIsolates(int n) {
        return new Capacity(threads, n, heapPressure, warmContexts);
    }

    public Capacity withWarmContexts(int n) {
        return new Capacity(threads, maxIsolates, heapPressure, n);
    }
}
