package dev.paddock.egress;

/**
 * Per-fetch limits, from {@code egress} in paddock.json.
 *
 * @param maxResponseBytes body bytes read before the fetch fails (default 10 MiB)
 * @param maxRequestBytes  body bytes agent code may send (default 10 MiB)
 * @param timeoutMs        whole fetch, redirects and body included (default 30 s)
 * @param maxRedirects     redirects followed before the fetch fails (default 5)
 */
public record EgressLimits(long maxResponseBytes, long maxRequestBytes, long timeoutMs, int maxRedirects) {
    public static final EgressLimits DEFAULTS = new EgressLimits(10L << 20, 10L << 20, 30_000, 5);
}
