package dev.paddock.transport.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bare Streamable HTTP client on java.net.http, so tests see exactly what goes over the wire. */
final class McpHttpClient {
    static final String BOTH = "application/json, text/event-stream";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    McpHttpClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    McpHttpClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    static String initializeRequest() {
        return request(0, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
    }

    static String callTool(int id, String name) {
        return request(id, "tools/call", "{\"name\":\"" + name + "\",\"arguments\":{}}");
    }

    /** Initializes a session and sends {@code notifications/initialized}; returns the session id. */
    String initialize() {
        var response = post(null, initializeRequest(), BOTH);
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize: " + response.statusCode() + " " + response.body());
        }
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        var initialized = post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", BOTH);
        if (initialized.statusCode() != 202) throw new AssertionError("initialized: " + initialized.statusCode());
        return session;
    }

    HttpResponse<String> post(String session, String body, String accept) {
        return post(session, body, accept, Map.of());
    }

    HttpResponse<String> post(String session, String body, String accept, Map<String, String> extra) {
        var builder = builder("/mcp", session).header("Accept", accept).header("Content-Type", "application/json");
        extra.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String session) {
        return send(builder("/mcp", session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) {
        return send(builder(path, null).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a request and opens its SSE answer stream. */
    Events postForEvents(String session, String body) {
        var response = send(builder("/mcp", session).header("Accept", BOTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        return new Events(response);
    }

    /** Opens a GET stream, resuming after {@code lastEventId} when it is not null. */
    Events getEvents(String session, String lastEventId) {
        var request = builder("/mcp", session).header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        return new Events(send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private HttpRequest.Builder builder(String path, String session) {
        var builder = HttpRequest.newBuilder(uri(path));
        headers.forEach(builder::header);
        if (session != null) builder.header("Mcp-Session-Id", session);
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Event(String id, String data, String retry) {}

    /** An SSE response read event by event. */
    static final class Events implements AutoCloseable {
        final HttpResponse<InputStream> response;
        private final BufferedReader reader;

        Events(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next event, or null at the end of the stream. */
        Event next() {
            try {
                String id = null, retry = null;
                StringBuilder data = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (id != null || data != null) return new Event(id, data == null ? "" : data.toString(), retry);
                        continue;
                    }
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                    switch (field) {
                        case "id" -> id = value;
                        case "retry" -> retry = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }

        /** The next raw line, comments included; null at the end of the stream. */
        String nextLine() {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        }

        /** Every remaining event until the server ends the stream. */
        List<Event> rest() {
            var all = new ArrayList<Event>();
            for (Event e; (e = next()) != null; ) all.add(e);
            return all;
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
