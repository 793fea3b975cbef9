package dev.paddock.server;

import dev.paddock.capability.CallContext;
import dev.paddock.sandbox.ExecutionScope;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a capability method sees of the execute call that reached it, over MCP. */
final class McpCallContext implements CallContext {
    private final ExecutionScope scope;
    private final ExecutionChannel channel;
    private final McpJsonMapper mcpJson;
    private final JsonMapper json;
    private final String profile;

    /** @param channel null when the execution did not come from an MCP client (e.g. `paddock exec`) */
    McpCallContext(ExecutionScope scope, ExecutionChannel channel, McpJsonMapper mcpJson, JsonMapper json, String profile) {
        this.scope = scope;
        this.channel = channel;
        this.mcpJson = mcpJson;
        this.json = json;
        this.profile = profile;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (channel == null || channel.progress() == null) return;
        String text = total == null ? progress + (message == null ? "" : ": " + message)
                : progress + "/" + total + (message == null ? "" : ": " + message);
        channel.progress().report(text);
    }

    @Override
    public void log(String level, String message) {
        if (channel == null) return;
        LoggingLevel parsed;
        try {
            parsed = LoggingLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = LoggingLevel.INFO;
        }
        channel.exchange().loggingNotification(LoggingMessageNotification.builder()
                .level(parsed).logger("paddock").data(message).build()).onErrorComplete().subscribe();
    }

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
        if (channel == null) return unsupported("elicitation");
        Map<String, Object> schema = mcpJson.convertValue(requestedSchema, new io.modelcontextprotocol.json.TypeRef<>() {});
        return channel.exchange().createElicitation(ElicitRequest.builder(message, schema).build())
                .map(result -> (JsonNode) json.valueToTree(result)).toFuture();
    }

    @Override
    public CompletableFuture<JsonNode> sample(JsonNode createMessageRequest) {
        if (channel == null) return unsupported("sampling");
        CreateMessageRequest request = mcpJson.convertValue(createMessageRequest, CreateMessageRequest.class);
        return channel.exchange().createMessage(request).map(result -> (JsonNode) json.valueToTree(result)).toFuture();
    }

    @Override
    public String profile() {
        return profile;
    }

    private static CompletableFuture<JsonNode> unsupported(String what) {
        return CompletableFuture.failedFuture(new IllegalStateException(what + " needs an MCP client; this run has none"));
    }
}
