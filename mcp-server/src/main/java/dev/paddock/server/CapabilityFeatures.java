package dev.paddock.server;

import dev.paddock.capability.CapabilitySet.DirectTool;
import dev.paddock.sandbox.ExecutionListener;
import dev.paddock.sandbox.ExecutionScope;
import dev.paddock.sandbox.Limits;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
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
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP-side faces of a profile's capabilities besides `execute`: their declarations as resources
 * ({@code paddock://types/files.d.ts}) and, with {@code exposeAsTools}, each method as a plain MCP tool for
 * clients that do not write code.
 */
final class CapabilityFeatures {
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

    static List<AsyncToolSpecification> directTools(ProfileGrants grants, SessionIsolates sessions, McpJsonMapper mcpJson,
            JsonMapper json, Limits limits) {
        return grants.directTools().stream().map(direct -> {
            Tool tool = mcpJson.convertValue(direct.tool(), Tool.class);
            return AsyncToolSpecification.builder().tool(tool).callHandler((exchange, call) ->
                    Mono.fromFuture(() -> callDirect(direct, exchange, call, sessions, mcpJson, json, limits))).build();
        }).toList();
    }

    private static CompletableFuture<CallToolResult> callDirect(DirectTool direct, McpAsyncServerExchange exchange,
            CallToolRequest call, SessionIsolates sessions, McpJsonMapper mcpJson, JsonMapper json, Limits limits) {
        JsonNode input = json.valueToTree(call.arguments() == null ? Map.of() : call.arguments());
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Instant deadline = Instant.now().plus(limits.wallTime());
        ExecutionScope scope = new ExecutionScope() {
            @Override
            public Instant deadline() {
                return deadline;
            }

            @Override
            public CompletableFuture<Void> whenEnded() {
                return ended;
            }

            @Override
            public ExecutionListener listener() {
                return ExecutionListener.NONE;
            }
        };
        SessionHostApi api = sessions.hostApi(exchange.sessionId());
        var context = new McpCallContext(scope, new ExecutionChannel(exchange, null), mcpJson, json, api.profile());
        return api.callDirect(direct, input, context)
                .orTimeout(limits.wallTime().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    ended.complete(null);
                    if (failure == null) {
                        var builder = CallToolResult.builder().addTextContent(json.writeValueAsString(result));
                        if (result.isObject()) builder.structuredContent(json.convertValue(result, Map.class));
                        return builder.build();
                    }
                    Throwable cause = SessionHostApi.cause(failure);
                    String code = cause instanceof dev.paddock.capability.CapabilityException c ? " (" + c.code() + ")" : "";
                    return CallToolResult.builder().addTextContent(direct.namespace() + "." + direct.method() + " failed" + code
                            + ": " + cause.getMessage()).isError(true).build();
                });
    }
}
