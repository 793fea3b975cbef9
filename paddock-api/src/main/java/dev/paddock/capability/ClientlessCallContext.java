package dev.paddock.capability;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The context of a call that no MCP client asked for ({@code paddock exec}, tests): progress and logs go
 * nowhere, and asking the client anything fails with a message that says why.
 */
record ClientlessCallContext(String profile, Instant deadline, CompletableFuture<Void> whenCancelled) implements CallContext {
    @Override
    public void progress(double progress, Double total, String message) {}

    @Override
    public void log(String level, String message) {}

    @Override
    public boolean cancelled() {
        return whenCancelled.isDone();
    }

    @Override
    public CompletableFuture<JsonNode> elicit(String message, JsonNode requestedSchema) {
        return unsupported("elicitation");
    }

    @Override
    public CompletableFuture<JsonNode> sample(JsonNode createMessageRequest) {
        return unsupported("sampling");
    }

    private static CompletableFuture<JsonNode> unsupported(String what) {
        return CompletableFuture.failedFuture(new CapabilityException("ENOTSUP", what + " needs an MCP client; this run has none"));
    }
}
