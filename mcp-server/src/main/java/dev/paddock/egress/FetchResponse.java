package dev.paddock.egress;

import java.util.List;
import java.util.Map;

/**
 * The server's answer, as plain strings and bytes for the isolate bridge.
 *
 * @param url        the final URL after redirects, in canonical form
 * @param redirected whether at least one redirect was followed
 * @param headers    the server's headers of the final response, names lower-cased, hop-by-hop framing
 *                   headers (Connection, Keep-Alive, Transfer-Encoding) removed
 * @param body       the whole body (empty for HEAD), never more than the egress limit
 */
public record FetchResponse(int status, String statusText, String url, boolean redirected,
                            List<Map.Entry<String, String>> headers, byte[] body) {

    public FetchResponse {
        headers = List.copyOf(headers);
    }

    /** All values of a header (case-insensitive name), joined with ", " as WHATWG Headers.get() does; null when absent. */
    public String header(String name) {
        List<String> values = headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .toList();
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public String toString() {
        return "FetchResponse[" + status + " " + statusText + " from " + url + ", " + headers.size() + " headers, body "
                + body.length + " bytes]";
    }
}
