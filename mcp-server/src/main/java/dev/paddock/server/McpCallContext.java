package dev.paddock.server;

import dev.paddock.transport.McpJson;
import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a capability method sees of the MCP request that reached it, an `execute` whose code called it or
 * a direct tool call ({@code exposeAsTools}): given in by whoever serves that request, with the request's
 * exchange, progress and end.
 */
final class McpCallContext implements CallContext {
    private final McpAsyncServerExchange exchange;
    private final ProgressReporter progress;
    private final Instant deadline;
    private final CompletableFuture<Void> ended;
    private final String profile;
    /** Notifications go out one after another, and a direct call answers only after the last. */
    private CompletableFuture<Void> notified = CompletableFuture.completedFuture(null);

    /**
     * @param progress where the capability's progress goes (an execute call's steps, a direct call's token)
     * @param ended    completes when the request is answered, times out or is cancelled
     */
    McpCallContext(McpAsyncServerExchange exchange, ProgressReporter progress, Instant deadline,
            CompletableFuture<Void> ended, String profile) {
        this.exchange = exchange;
        this.progress = progress;
        this.deadline = deadline;
        this.ended = ended;
        this.profile = profile;
    }

    @Override
    public void progress(double value, Double total, String message) {
        notify(progress.capabilityProgress(value, total, message));
    }

    @Override
    public void log(String level, String message) {
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
        return ended.isDone();
    }

    @Override
    public CompletableFuture<Void> whenCancelled() {
        return ended;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public CompletableFuture<JsonNode> elicit(String message, JsonNode requestedSchema) {
        Map<String, Object> schema = McpJson.MAPPER.convertValue(requestedSchema, new TypeRef<>() {});
        return exchange.createElicitation(ElicitRequest.builder(message, schema).build())
                .map(result -> (JsonNode) JsonMapper.shared().valueToTree(result))
                .onErrorMap(e -> !(e instanceof CapabilityException), e -> clientFailed("elicitation", e)).toFuture();
    }

    @Override
    public CompletableFuture<JsonNode> sample(JsonNode createMessageRequest) {
        CreateMessageRequest request = McpJson.MAPPER.convertValue(createMessageRequest, CreateMessageRequest.class);
        return exchange.createMessage(request).map(result -> (JsonNode) JsonMapper.shared().valueToTree(result))
                .onErrorMap(e -> !(e instanceof CapabilityException), e -> clientFailed("sampling", e)).toFuture();
    }

    @Override
    public String profile() {
        return profile;
    }

    /** What the client (or the SDK on its behalf) answered is the client's, not a host secret: pass it on. */
    private static CapabilityException clientFailed(String what, Throwable failure) {
        return new CapabilityException("ECLIENT", what + " through the MCP client failed: " + failure.getMessage());
    }

    /**
     * In order, and a notification that cannot be sent never fails the call it belongs to. Once the request
     * has ended, a capability that carries on reporting is not heard: progress on a finished request's token
     * is a protocol error for the client.
     */
    private synchronized void notify(Mono<Void> notification) {
        if (ended.isDone()) return;
        notified = notified.thenCompose(sent -> notification.onErrorComplete().toFuture());
    }
}
