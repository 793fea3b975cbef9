package dev.paddock.transport.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Host and Origin checks against DNS rebinding: a web page whose own name resolves to 127.0.0.1 still sends
 * its own name in {@code Host} and {@code Origin}, so only names we know to be ours get in.
 */
final class OriginPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> hosts;
    private final List<String> origins;

    OriginPolicy(List<String> allowedHosts, List<String> allowedOrigins) {
        this.hosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.origins = allowedOrigins.stream().map(OriginPolicy::trimSlash).toList();
    }

    /** Why the request is refused, or null when Host and Origin are both acceptable. */
    String refusal(String host, String origin) {
        if (host == null || !hostAllowed(host)) return "Host header '" + host + "' is not allowed";
        if (origin != null && !originAllowed(origin)) return "Origin '" + origin + "' is not allowed";
        return null;
    }

    private boolean hostAllowed(String hostHeader) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (hosts.contains("*") || hosts.contains(host)) return true;
        String name = withoutPort(host);
        return LOOPBACK.contains(name) || hosts.contains(name);
    }

    private boolean originAllowed(String originHeader) {
        String origin = trimSlash(originHeader);
        if (origins.contains("*") || origins.contains(origin)) return true;
        try {
            var uri = new URI(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || !("http".equals(scheme) || "https".equals(scheme))) return false;
            host = host.toLowerCase(Locale.ROOT);
            return LOOPBACK.contains(host) || LOOPBACK.contains("[" + host + "]");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String withoutPort(String host) {
        int bracket = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        return colon > bracket ? host.substring(0, colon) : host;
    }

    private static String trimSlash(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
