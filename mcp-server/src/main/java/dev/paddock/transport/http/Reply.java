package dev.paddock.transport.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the protocol layer wants sent back: status, headers and a body that is either one JSON document or a
 * stream of SSE text. The network layer only copies it onto the wire.
 */
record Reply(int status, Map<String, String> headers, Publisher<String> body) {

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    static Reply json(int status, String json) {
        return new Reply(status, Map.of("Content-Type", JSON), Mono.just(json));
    }

    static Reply text(int status, String contentType, String text) {
        return new Reply(status, Map.of("Content-Type", contentType), Mono.just(text));
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), Mono.empty());
    }

    static Reply events(Flux<String> events) {
        return new Reply(200, Map.of("Content-Type", EVENT_STREAM, "Cache-Control", "no-cache"), events);
    }

    /** An HTTP error carrying a JSON-RPC error body, so that MCP clients can show the message. */
    static Reply error(int status, String message) {
        return error(status, -32000, message);
    }

    static Reply error(int status, int code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("jsonrpc", "2.0");
        body.put("error", Map.of("code", code, "message", message));
        body.put("id", null);
        return json(status, JsonMapper.shared().writeValueAsString(body));
    }

    Reply withHeader(String name, String value) {
        var all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, Map.copyOf(all), body);
    }
}
