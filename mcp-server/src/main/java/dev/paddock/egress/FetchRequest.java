package dev.paddock.egress;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request from agent code, as plain strings and bytes (nothing else crosses the isolate bridge).
 *
 * @param url     absolute http(s) URL
 * @param method  null means GET; standard methods are accepted in any case
 * @param headers in the order given; names repeat for multi-valued headers; null means none
 * @param body    null or empty means no body
 */
public record FetchRequest(String url, String method, List<Map.Entry<String, String>> headers, byte[] body) {

    public FetchRequest {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public static FetchRequest get(String url) {
        return new FetchRequest(url, "GET", List.of(), null);
    }

    /** Header names only: values may be the code's own credentials, and bodies may be large. */
    @Override
    public String toString() {
        return "FetchRequest[" + method + " " + url + ", headers " + headers.stream().map(Map.Entry::getKey)
                .collect(Collectors.joining(", ", "[", "]")) + ", body " + (body == null ? 0 : body.length) + " bytes]";
    }
}
