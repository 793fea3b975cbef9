package dev.paddock.egress;

import dev.paddock.capability.CapabilityException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request on the way to the final response: the agent's request, validated, and then each redirect.
 * Holds only what the code supplied; injected headers are added at send time from the rule matching the
 * hop, so credentials never follow a redirect to a host their rule does not cover.
 */
record Hop(EgressUrl url, String method, List<Map.Entry<String, String>> headers, byte[] body) {
    private static final Set<String> UNSUPPORTED_METHODS = Set.of("CONNECT", "TRACE", "TRACK");
    private static final Set<String> BODY_HEADERS =
            Set.of("content-type", "content-encoding", "content-language", "content-location");
    private static final Set<String> CROSS_ORIGIN_DROPPED = Set.of("authorization", "cookie");

    static Hop first(FetchRequest request, EgressLimits limits) {
        EgressUrl url;
        try {
            url = EgressUrl.parse(request.url());
        } catch (EgressUrlException e) {
            throw new CapabilityException(e.unsupportedScheme() ? "EGRESS_DENIED" : "EGRESS_INVALID", e.getMessage());
        }
        String method = method(request.method());
        byte[] body = request.body() == null || request.body().length == 0 ? null : request.body();
        if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
            throw new CapabilityException("EGRESS_INVALID", "a " + method + " request cannot have a body; use POST or "
                    + "PUT to send data to " + url);
        }
        if (body != null && body.length > limits.maxRequestBytes()) {
            throw new CapabilityException("EGRESS_LIMIT", "request body of " + body.length + " bytes to " + url
                    + " exceeds the " + limits.maxRequestBytes() + "-byte egress limit");
        }
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey();
            if (name == null || !HeaderNames.validName(name)) {
                throw new CapabilityException("EGRESS_INVALID", "'" + (name == null ? null : EgressUrl.shorten(name))
                        + "' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)");
            }
            String problem = header.getValue() == null ? "is missing" : HeaderNames.valueProblem(header.getValue());
            if (problem != null) {
                throw new CapabilityException("EGRESS_INVALID", "the value of header '" + name + "' " + problem);
            }
            if (HeaderNames.overriding(name)) {
                throw new CapabilityException("EGRESS_DENIED", "fetch to " + url + " may not send the " + name
                        + " header: servers take it to mean another method or path than the egress rules checked. "
                        + "Send the request with the method and URL you mean.");
            }
        }
        refuseMethodOverride(url);
        if (body != null && isForm(request.headers()) && hasMethodParameter(new String(body, StandardCharsets.ISO_8859_1))) {
            throw new CapabilityException("EGRESS_DENIED", "fetch to " + url + " may not send a form with a _method "
                    + "field: servers take it to mean another method than the egress rules checked. Send the "
                    + "request with the method you mean.");
        }
        List<Map.Entry<String, String>> headers = request.headers().stream()
                .filter(h -> !HeaderNames.forbidden(h.getKey())).toList();
        return new Hop(url, method, headers, body);
    }

    /** The code's header that a rule injecting credentials refuses (Range and the like), or null. */
    String slicingHeader() {
        return headers.stream().map(Map.Entry::getKey).filter(HeaderNames::slicing).findFirst().orElse(null);
    }

    /**
     * Rails, Laravel and Symfony read {@code _method} from the query or a form body as the request's real
     * method, which would sidestep a rule's {@code methods}; a redirect's Location is checked the same way.
     */
    private static void refuseMethodOverride(EgressUrl url) {
        if (hasMethodParameter(url.query().isEmpty() ? "" : url.query().substring(1))) {
            throw new CapabilityException("EGRESS_DENIED", "fetch to " + url + " may not carry a _method query "
                    + "parameter: servers take it to mean another method than the egress rules checked. Send the "
                    + "request with the method you mean.");
        }
    }

    private static boolean hasMethodParameter(String form) {
        for (String pair : form.split("[&;]")) {
            String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='));
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // Not decodable means no framework reads it as _method either; compare it as written.
            }
            if (name.strip().equalsIgnoreCase("_method")) return true;
        }
        return false;
    }

    private static boolean isForm(List<Map.Entry<String, String>> headers) {
        return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
                && h.getValue().strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
    }

    /** The next hop for a 3xx with Location, following the WHATWG fetch rules for method and headers. */
    Hop redirect(int status, String location) {
        EgressUrl next;
        try {
            next = url.resolve(location);
        } catch (EgressUrlException e) {
            throw new CapabilityException(e.unsupportedScheme() ? "EGRESS_DENIED" : "EGRESS_NETWORK",
                    "fetch to " + url + " was redirected to a location fetch cannot follow: " + e.getMessage());
        }
        refuseMethodOverride(next);
        boolean toGet = (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        boolean crossOrigin = !next.origin().equals(url.origin());
        List<Map.Entry<String, String>> kept = headers.stream()
                .filter(h -> !(toGet && BODY_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))))
                .filter(h -> !(crossOrigin && CROSS_ORIGIN_DROPPED.contains(h.getKey().toLowerCase(Locale.ROOT))))
                .toList();
        return new Hop(next, toGet ? "GET" : method, kept, toGet ? null : body);
    }

    private static String method(String requested) {
        String method = requested == null ? "GET" : requested;
        if (!HeaderNames.validName(method)) {
            throw new CapabilityException("EGRESS_INVALID", "'" + method + "' is not a valid HTTP method");
        }
        String upper = method.toUpperCase(Locale.ROOT);
        if (UNSUPPORTED_METHODS.contains(upper)) {
            throw new CapabilityException("EGRESS_INVALID", "fetch does not support the " + upper + " method");
        }
        return EgressPolicy.METHODS.contains(upper) ? upper : method;
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}
