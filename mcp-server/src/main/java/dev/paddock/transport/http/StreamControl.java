package dev.paddock.transport.http;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * The SSE stream answering the request being handled. A handler finds it in the request's
 * {@link McpTransportContext} under {@link #CONTEXT_KEY}; it is absent on JSON responses.
 */
public interface StreamControl {
    String CONTEXT_KEY = "paddock.http.stream";

    /**
     * Ends the HTTP connection now while the request keeps running (SSE polling, SEP-1699): the client waits
     * the advertised {@code retry:} delay, reconnects with {@code Last-Event-ID} and receives the rest.
     */
    void closeConnection();

    static StreamControl of(McpTransportContext context) {
        return context != null && context.get(CONTEXT_KEY) instanceof StreamControl s ? s : null;
    }
}
