package dev.paddock.transport.http;

import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Streamable HTTP without session ids ({@code --stateless}): every POST stands alone, and GET and DELETE
 * answer 405 since there is no session stream to open or session to end.
 */
final class StatelessEndpoint implements McpEndpoint {
    private final SessionTable sessions;
    private final RequestRunner runner;

    StatelessEndpoint(SessionTable sessions, HttpSettings settings) {
        this.sessions = sessions;
        this.runner = new RequestRunner(settings, false);
    }

    @Override
    public Mono<Reply> post(Headers headers, byte[] body, BearerAuth.Caller caller, Lease lease) {
        return runner.parsed(body, message -> switch (message) {
            case McpSchema.JSONRPCRequest request -> oneShot(request, headers, caller, lease);
            // Nothing to route them to: a cancellation cannot name a request of this client (ids are per client).
            case McpSchema.JSONRPCNotification notification -> Mono.just(Reply.empty(202));
            case McpSchema.JSONRPCResponse response -> Mono.just(Reply.error(400,
                    "this server is stateless (--stateless): it sends no requests, so there is nothing to answer"));
            default -> Mono.just(Reply.error(400, "unsupported JSON-RPC message"));
        });
    }

    /**
     * One request in a session of its own, which ends (and takes its isolate and in-memory state along) with
     * the request's lease: when the request has been answered, or with the exchange when it never ran. The
     * client never sees its id. {@code initialize} is answered without {@code Mcp-Session-Id}; any other request
     * gets a session as if the client had just initialized with the protocol version of its
     * {@code MCP-Protocol-Version} header and no capabilities, since a stateless server has no way to receive
     * the client's answers to requests of its own (sampling, elicitation).
     */
    private Mono<Reply> oneShot(McpSchema.JSONRPCRequest request, Headers headers, BearerAuth.Caller caller, Lease lease) {
        var provider = sessions.providerFor(caller).orElse(null);
        if (provider == null) return Mono.just(RequestRunner.noServerFor(caller));
        boolean initialize = McpSchema.METHOD_INITIALIZE.equals(request.method());
        McpSchema.InitializeRequest params;
        try {
            params = initialize ? runner.initializeParams(request) : new McpSchema.InitializeRequest(protocolVersion(headers, provider),
                    McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("stateless-request", "0"));
        } catch (RuntimeException e) {
            return Mono.just(Reply.error(400, (initialize ? "invalid initialize params: " : "") + e.getMessage()));
        }
        var opened = sessions.open(provider, params, caller);
        lease.whenEnded(() -> sessions.endQuietly(opened.session(), "its request ended"));
        if (initialize) {
            return opened.initResult()
                    .map(result -> Reply.json(200, runner.write(McpSchema.JSONRPCResponse.result(request.id(), result))))
                    .onErrorResume(e -> Mono.just(Reply.error(500, "initialize failed: " + RequestRunner.reason(e))));
        }
        return opened.initResult()
                .then(Mono.defer(() -> runner.answer(request, opened.session(), headers, lease)))
                .onErrorResume(e -> Mono.just(Reply.error(500, "could not start the request: " + RequestRunner.reason(e))));
    }

    /** The version a stateless request speaks: its header, else the spec's default for clients that send none. */
    private static String protocolVersion(Headers headers, ProfileProvider provider) {
        String version = headers.get(PROTOCOL_VERSION_HEADER);
        if (version == null) return "2025-03-26";
        if (!provider.protocolVersions().contains(version.trim())) {
            throw new IllegalArgumentException("unsupported MCP-Protocol-Version '" + version + "'; this server speaks "
                    + String.join(", ", provider.protocolVersions()));
        }
        return version.trim();
    }

    @Override
    public Mono<Reply> get(Headers headers, BearerAuth.Caller caller) {
        return Mono.just(Reply.error(405, "this server is stateless (--stateless): it has no session stream to "
                + "open or resume; every request is a POST answered on its own").withHeader("Allow", "POST"));
    }

    @Override
    public Mono<Reply> delete(Headers headers, BearerAuth.Caller caller) {
        return Mono.just(Reply.error(405, "this server is stateless (--stateless): there is no session to end")
                .withHeader("Allow", "POST"));
    }
}
