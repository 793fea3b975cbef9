package dev.paddock.egress;

import java.util.Locale;
import java.util.Set;

/** Which request headers agent code may set, and what a valid header looks like. */
final class HeaderNames {
    /**
     * Dropped when agent code sets them: the client owns framing and connection handling (a forged
     * Content-Length or Transfer-Encoding smuggles requests; Host would defeat policy matching; Proxy-*
     * and Upgrade change what the connection is), and Accept-Encoding because bodies are returned as
     * received, so compressed bodies would reach the code undecoded.
     */
    private static final Set<String> FORBIDDEN = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "via", "http2-settings", "accept-encoding");

    private HeaderNames() {}

    static boolean forbidden(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FORBIDDEN.contains(lower) || lower.startsWith("proxy-");
    }

    /** RFC 9110 token characters. */
    static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c < 127 && c > 32 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
    }

    /** No CR, LF or NUL: a header value must not start another header. */
    static boolean validValue(String value) {
        return value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
    }
}
