package dev.paddock.server;

import dev.paddock.capability.CallContext;
import dev.paddock.sandbox.ExecutionScope;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a capability method sees of the MCP call that reached it: an `execute` whose code called it, or a
 * direct tool call ({@code exposeAsTools}).
 */
final class McpCallContext implements CallContext {
    private final ExecutionScope scope;
    private final McpAsyncServerExchange exchange;
    /** An execute call's progress, which capability progress joins; null when not asked for or direct. */
    private final ProgressReporter executeProgress;
    /** A direct call's progressToken; null when not asked for or in an execute call. */
    private final Object directProgressToken;
    private final McpJsonMapper mcpJson;
    private final JsonMapper json;
    private final String profile;
    /** Notifications go out one after another, and a direct call answers only after the last. */
    private CompletableFuture<Void> notified = CompletableFuture.completedFuture(null);

    private McpCallContext(ExecutionScope scope, McpAsyncServerExchange exchange, ProgressReporter executeProgress,
            Object directProgressToken, McpJsonMapper mcpJson, JsonMapper json, String profile) {
        this.scope = scope;
        this.exchange = exchange;
        this.executeProgress = executeProgress;
        this.directProgressToken = directProgressToken;
        this.mcpJson = mcpJson;
        this.json = json;
        this.profile = profile;
    }

    /**
     * For a call from agent code. Progress joins the execute call's own progress (a step count, since the
     * run's heartbeats share the token); without an MCP client (`paddock exec`) progress, logs and requests
     * to the client go nowhere.
     */
    static McpCallContext forExecution(ExecutionScope scope, McpJsonMapper mcpJson, JsonMapper json, String profile) {
        if (!(scope.listener() instanceof ExecutionChannel channel)) {
            return new McpCallContext(scope, null, null, null, mcpJson, json, profile);
        }
        return new McpCallContext(scope, channel.exchange(), channel.progress(), null, mcpJson, json, profile);
    }

    /**
     * For a direct tool call: the capability's progress goes to the client as it reports it (the call is
     * the capability's alone), on the request's progressToken when it has one.
     */
    static McpCallContext forDirectCall(ExecutionScope scope, McpAsyncServerExchange exchange, Object progressToken,
            McpJsonMapper mcpJson, JsonMapper json, String profile) {
        return new McpCallContext(scope, exchange, null, progressToken, mcpJson, json, profile);
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (directProgressToken != null) {
            notify(exchange.progressNotification(new ProgressNotification(directProgressToken, progress, total, message)));
        } else if (executeProgress != null) {
            executeProgress.report(progress, total, message);
        }
    }

    @Override
    public void log(String level, String message) {
        if (exchange == null) return;
        LoggingLevel parsed;
        try {
            parsed = LoggingLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = LoggingLevel.INFO;
        }
        notify(exchange.loggingNotification(LoggingMessageNotification.builder()
                .level(parsed).logger("paddock").data(message).build()));
    }

    /** Completes once every log and progress notification sent so far has been handed to the transport. */
    synchronized CompletableFuture<Void> notificationsSent() {
        return notified;
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
        if (exchange == null) return unsupported("elicitation");
        Map<String, Object> schema = mcpJson.convertValue(requestedSchema, new io.modelcontextprotocol.json.TypeRef<>() {});
        return exchange.createElicitation(ElicitRequest.builder(message, schema).build())
                .map(result -> (JsonNode) json.valueToTree(result)).toFuture();
    }

    @Override
    public CompletableFuture<JsonNode> sample(JsonNode createMessageRequest) {
        if (exchange == null) return unsupported("sampling");
        CreateMessageRequest request = mcpJson.convertValue(createMessageRequest, CreateMessageRequest.class);
        return exchange.createMessage(request).map(result -> (JsonNode) json.valueToTree(result)).toFuture();
    }

    @Override
    public String profile() {
        return profile;
    }

    /**
     * In order, and a notification that cannot be sent never fails the call it belongs to. Once the call has
     * ended (answered, timed out, cancelled), a capability that carries on reporting is not heard: progress
     * on a finished request's token is a protocol error for the client.
     */
    private synchronized void notify(Mono<Void> notification) {
        if (scope.whenEnded().isDone()) return;
        notified = notified.thenCompose(sent -> notification.onErrorComplete().toFuture());
    }

    private static CompletableFuture<JsonNode> unsupported(String what) {
        return CompletableFuture.failedFuture(new IllegalStateException(what + " needs an MCP client; this run has none"));
    }
}
