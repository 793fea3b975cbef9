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

    /**
     * Refused when agent code sets them: frameworks and proxies (Rails, Laravel, Symfony, Express's
     * method-override, IIS, some gateways) let them replace the request's method or path, which would
     * sidestep a rule's {@code methods} and path.
     */
    private static final Set<String> OVERRIDING = Set.of("x-http-method-override", "x-http-method",
            "x-method-override", "x-forwarded-method", "x-original-method", "x-original-url", "x-rewrite-url");

    /**
     * Refused on rules that inject headers unless the rule sets {@code allowRanges}: they make the server
     * return part of a representation, so an endpoint that echoes the request hands an injected secret
     * back a few bytes at a time, each piece too short to recognise.
     */
    private static final Set<String> SLICING = Set.of("range", "if-range", "a-im");

    private HeaderNames() {}

    static boolean forbidden(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FORBIDDEN.contains(lower) || lower.startsWith("proxy-");
    }

    static boolean overriding(String name) {
        return OVERRIDING.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean slicing(String name) {
        return SLICING.contains(name.toLowerCase(Locale.ROOT));
    }

    /** RFC 9110 token characters. */
    static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c < 127 && c > 32 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
    }

    /**
     * Why {@code value} cannot be sent as a header value, or null when it can. RFC 9110 allows visible
     * characters, space, tab and bytes 0x80–0xFF; any other control character (CR and LF start another
     * header, and servers and proxies disagree on NUL, vertical tab, form feed and DEL) and characters above
     * U+00FF (the wire has bytes, not text) are refused.
     */
    static String valueProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return "contains " + codePoint(c) + " at index " + i + "; header values are bytes, so use only "
                        + "characters up to U+00FF (percent-encode or base64 other text)";
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return "contains the control character " + codePoint(c) + " at index " + i
                        + " (header values may hold visible characters, spaces and tabs only)";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
