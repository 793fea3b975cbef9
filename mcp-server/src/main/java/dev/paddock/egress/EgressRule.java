package dev.paddock.egress;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One grant from {@code egress.rules}: which URLs and methods agent code may fetch, and the headers
 * (credentials) injected into those requests. Header values are secrets: {@link #toString()} and
 * {@link #describe()} show header names only.
 *
 * @param url        the rule's URL as written, for messages
 * @param host       lower-case ASCII; for a wildcard rule the suffix after "*."
 * @param address    the address when the rule names an IP literal — the only way to reach a non-public one
 * @param pathPrefix true when the url ended in "*": {@code path} is then a prefix
 * @param headers    injected headers, ${env:…} already resolved
 * @param allowRanges whether the code may send Range (and the like) although the rule injects headers
 */
record EgressRule(String url, String scheme, String host, boolean wildcardHost, InetAddress address, int port,
                  String path, boolean pathPrefix, Set<String> methods, Map<String, String> headers,
                  boolean allowRanges) {

    EgressRule {
        methods = Set.copyOf(methods);
        headers = Map.copyOf(headers);
    }

    boolean matches(EgressUrl target) {
        return scheme.equals(target.scheme()) && port == target.port() && hostMatches(target.host())
                && (pathPrefix ? target.path().startsWith(path) : target.path().equals(path));
    }

    private boolean hostMatches(String targetHost) {
        return wildcardHost ? targetHost.endsWith("." + host) : targetHost.equals(host);
    }

    boolean allows(String method) {
        return methods.contains(method);
    }

    /** Partial responses would let an echoing endpoint return injected secrets in pieces too short to hide. */
    boolean allowsSlicing() {
        return headers.isEmpty() || allowRanges;
    }

    /** "GET, HEAD https://api.example.com/v1/*" — what the agent is told it may do. */
    String describe() {
        return EgressPolicy.METHODS.stream().filter(methods::contains).collect(Collectors.joining(", ")) + " " + url;
    }

    @Override
    public String toString() {
        return "EgressRule[" + describe() + (headers.isEmpty() ? "" : ", injects " + headers.keySet().stream().sorted()
                .map(name -> name + ": [redacted]").collect(Collectors.joining(", "))) + "]";
    }
}
