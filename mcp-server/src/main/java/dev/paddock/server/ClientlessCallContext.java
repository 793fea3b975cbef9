package dev.paddock.server;

import dev.paddock.capability.CallContext;
import dev.paddock.sandbox.ExecutionScope;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The context of a call from a run that no MCP client asked for ({@code paddock exec}): progress and logs
 * go nowhere, and asking the client anything fails with a message that says why.
 */
record ClientlessCallContext(String profile, ExecutionScope scope) implements CallContext {
    @Override
    public void progress(double progress, Double total, String message) {}

    @Override
    public void log(String level, String message) {}

    @Override
    public boolean cancelled() {
        return scope.whenEnded().isDone();
    }

    @Override
    public CompletableFuture<Void> whenCancelled() {
        return scope.whenEnded();
    }

    @Override
    public Instant deadline() {
        return scope.deadline();
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
        return CompletableFuture.failedFuture(new IllegalStateException(what + " needs an MCP client; this run has none"));
    }
}
