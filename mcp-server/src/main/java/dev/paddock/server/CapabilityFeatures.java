package dev.paddock.server;

import dev.paddock.transport.McpJson;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet.DirectTool;
import dev.paddock.sandbox.Limits;
import dev.paddock.transport.Cancellation;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP-side faces of a profile's capabilities besides `execute`: their declarations as resources
 * ({@code paddock://types/files.d.ts}) and, with {@code exposeAsTools}, each method as a plain MCP tool for
 * clients that do not write code.
 */
final class CapabilityFeatures {
    private static final JsonMapper JSON = JsonMapper.shared();

    private CapabilityFeatures() {}

    static List<AsyncResourceSpecification> typeResources(ProfileGrants grants) {
        return grants.declarationsByNamespace().entrySet().stream().map(entry -> {
            String uri = "paddock://types/" + entry.getKey() + ".d.ts";
            Resource resource = Resource.builder().uri(uri).name(entry.getKey() + ".d.ts")
                    .description("TypeScript declarations of the '" + entry.getKey() + "' capability granted to this connection")
                    .mimeType("application/typescript").build();
            String text = entry.getValue();
            return new AsyncResourceSpecification(resource, (exchange, request) ->
                    Mono.just(new ReadResourceResult(List.of(new TextResourceContents(uri, "application/typescript", text)))));
        }).toList();
    }

    static List<AsyncToolSpecification> directTools(ProfileGrants grants, SessionIsolates sessions, Limits limits) {
        return grants.directTools().stream().map(direct -> {
            Tool tool = McpJson.MAPPER.convertValue(direct.tool(), Tool.class);
            return AsyncToolSpecification.builder().tool(tool).callHandler((exchange, call) ->
                    Mono.fromFuture(() -> callDirect(direct, exchange, call, sessions, limits))).build();
        }).toList();
    }

    /**
     * Runs one direct call with a full {@link dev.paddock.capability.CallContext}: progress on the request's
     * progressToken, log notifications, elicitation and sampling through the client, the client's
     * cancellation and the profile's wall-time limit. The answer goes out after the call's notifications.
     */
    private static CompletableFuture<CallToolResult> callDirect(DirectTool direct, McpAsyncServerExchange exchange,
            CallToolRequest call, SessionIsolates sessions, Limits limits) {
        JsonNode input = JSON.valueToTree(call.arguments() == null ? Map.of() : call.arguments());
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Cancellation.of(exchange.transportContext()).onCancel(() -> ended.complete(null));
        SessionHostApi api = sessions.hostApi(exchange.sessionId());
        var context = new McpCallContext(exchange, ProgressReporter.forDirectCall(exchange, call.meta()),
                Instant.now().plus(limits.wallTime()), ended, api.profile());
        // A call past the time limit may still be working; its answer waits a moment and says what became of it.
        var inFlight = new HostCallsInFlight();
        CompletableFuture<JsonNode> running = inFlight.track(direct.namespace() + "." + direct.method(),
                api.callDirect(direct, input, context));
        return running.copy()
                .orTimeout(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    ended.complete(null);
                    if (failure == null) return CompletableFuture.completedFuture(toolResult(result));
                    if (!(CapabilityException.unwrap(failure) instanceof TimeoutException)) {
                        return CompletableFuture.completedFuture(failure(direct, failure, limits, null));
                    }
                    return inFlight.note(HostCallsInFlight.SETTLE).thenApply(note -> failure(direct, failure, limits, note));
                })
                .thenCompose(answer -> answer)
                .thenCompose(result -> context.notificationsSent().thenApply(sent -> result));
    }

    /**
     * What the method returned, as a client shows it best: MCP content as content items (the whole result
     * when it is nothing but content), a string as plain text, anything else as JSON text plus
     * structuredContent when it is an object.
     */
    static CallToolResult toolResult(JsonNode result) {
        var items = new ContentItems();
        List<McpSchema.Content> whole = items.whole(result);
        if (whole != null) return CallToolResult.builder().content(whole).isError(false).build();
        if (result.isString()) return CallToolResult.builder().addTextContent(result.asString()).isError(false).build();
        JsonNode value = result.deepCopy();
        List<McpSchema.Content> lifted = items.liftInPlace(value, 1);
        var builder = CallToolResult.builder().addTextContent(JSON.writeValueAsString(value)).isError(false);
        lifted.forEach(builder::addContent);
        if (value.isObject()) builder.structuredContent(JSON.convertValue(value, Map.class));
        return builder.build();
    }

    /** @param note what became of the call after the time limit, or null */
    private static CallToolResult failure(DirectTool direct, Throwable failure, Limits limits, String note) {
        Throwable cause = CapabilityException.unwrap(failure);
        String what = direct.namespace() + "." + direct.method() + " failed";
        String text = switch (cause) {
            case CapabilityException c -> what + " (" + c.code() + "): " + c.getMessage();
            case TimeoutException t -> what + ": it exceeded the " + limits.wallTime().toMillis() + " ms wall-time limit";
            default -> what + ": " + cause.getMessage();
        };
        return CallToolResult.builder().addTextContent(note == null ? text : text + ". " + note).isError(true).build();
    }
}
