package dev.paddock.transport.http;

import reactor.core.publisher.Mono;

/**
 * The Streamable HTTP protocol for {@code /mcp}, free of any network code: what a POST, GET or DELETE means
 * for the sessions and which {@link Reply} it gets. One implementation per mode: {@link StatefulEndpoint}
 * gives each client a session ({@code Mcp-Session-Id}), {@link StatelessEndpoint} runs every POST in a session
 * of its own. Both are reached only through the same admission (shutdown, Host/Origin, bearer token,
 * concurrency, body size), which is the transport's business.
 */
sealed interface McpEndpoint permits StatefulEndpoint, StatelessEndpoint {
    String SESSION_HEADER = "Mcp-Session-Id";
    String LAST_EVENT_ID = "Last-Event-ID";
    String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

    /** Request headers by case-insensitive name. */
    interface Headers {
        String get(String name);
    }

    /**
     * Handles one POSTed message. A request that runs keeps the lease and ends it once it has been answered;
     * anything else leaves it to end with the exchange ({@link Lease#exchangeOver()}, the caller's part).
     */
    Mono<Reply> post(Headers headers, byte[] body, BearerAuth.Caller caller, Lease lease);

    /** The session's listening stream, or resuming a stream after a lost connection. */
    Mono<Reply> get(Headers headers, BearerAuth.Caller caller);

    /** The client ends its session. */
    Mono<Reply> delete(Headers headers, BearerAuth.Caller caller);
}
