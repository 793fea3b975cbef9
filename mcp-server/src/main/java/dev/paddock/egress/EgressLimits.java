package dev.paddock.egress;

/**
 * Per-fetch limits and caps on fetches running at once, from {@code egress} in paddock.json.
 *
 * @param maxResponseBytes             body bytes read before the fetch fails (default 10 MiB)
 * @param maxRequestBytes              body bytes agent code may send (default 10 MiB)
 * @param timeoutMs                    whole fetch, redirects and body included (default 30 s)
 * @param maxRedirects                 redirects followed before the fetch fails (default 5)
 * @param maxConcurrentFetches         running at once in one execution (default 32)
 * @param maxConcurrentFetchesPerSession running at once in one session, over its executions (default 64)
 * @param maxConcurrentFetchesPerProcess running at once in the whole process, for a fetch of this profile to
 *                                     start (default 512): each holds a socket, and file descriptors run out
 */
public record EgressLimits(long maxResponseBytes, long maxRequestBytes, long timeoutMs, int maxRedirects,
                           int maxConcurrentFetches, int maxConcurrentFetchesPerSession,
                           int maxConcurrentFetchesPerProcess) {
    public static final EgressLimits DEFAULTS = new EgressLimits(10L << 20, 10L << 20, 30_000, 5, 32, 64, 512);
}
