package dev.paddock.server;

import dev.paddock.capability.CapabilityCall;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import dev.paddock.egress.EgressBridge;
import dev.paddock.sandbox.ExecutionScope;
import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.HostCallException;
import dev.paddock.sandbox.Sandbox;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One session's way out of its isolate: its own capability instances (so in-memory state stays with the
 * connection) and its profile's egress. Translates capability failures into JS errors: bad arguments
 * become TypeErrors, everything else an Error with the capability's code.
 */
public final class SessionHostApi implements HostApi {
    private final Supplier<CapabilitySet> newCapabilities;
    /** Replaced when the sandbox evicts the session's isolate: in-memory state goes with the globals. */
    private volatile CapabilitySet capabilities;
    private final EgressBridge egress;
    private final String profile;
    private final McpJsonMapper mcpJson;
    private final JsonMapper json;

    /** @param egress null when the profile grants no egress */
    SessionHostApi(Supplier<CapabilitySet> newCapabilities, EgressBridge egress, String profile, McpJsonMapper mcpJson,
            JsonMapper json) {
        this.newCapabilities = newCapabilities;
        this.capabilities = newCapabilities.get();
        this.egress = egress;
        this.profile = profile;
        this.mcpJson = mcpJson;
        this.json = json;
    }

    /**
     * Makes sessions lose their in-memory capability state when the sandbox evicts their isolate, as the
     * eviction notice tells the agent.
     */
    public static void dropStateOnEviction(Sandbox sandbox) {
        sandbox.onEviction(isolate -> {
            if (isolate.hostApi() instanceof SessionHostApi session) session.capabilities = session.newCapabilities.get();
        });
    }

    String profile() {
        return profile;
    }

    @Override
    public Map<String, List<String>> namespaces() {
        return capabilities.methodNames();
    }

    @Override
    public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
        CompletableFuture<String> call = EGRESS.equals(namespace) ? fetch(argumentsJson) : invoke(namespace, method, argumentsJson, scope);
        // Host work must not outlive the execution that asked for it (a fetch holds a connection open).
        scope.whenEnded().thenRun(() -> call.cancel(true));
        return call.exceptionallyCompose(failure -> CompletableFuture.failedFuture(toJsError(failure)));
    }

    /** Runs a capability call for a direct MCP tool call, outside any isolate. */
    CompletableFuture<JsonNode> callDirect(CapabilitySet.DirectTool tool, JsonNode input, McpCallContext context) {
        JsonNode arguments = capabilities.argumentsOf(tool, input, json);
        return capabilities.call(new CapabilityCall(tool.namespace(), tool.method(), arguments, context));
    }

    private CompletableFuture<String> invoke(String namespace, String method, String argumentsJson, ExecutionScope scope) {
        JsonNode arguments;
        try {
            arguments = json.readTree(argumentsJson);
        } catch (JacksonException e) {
            return CompletableFuture.failedFuture(new CapabilityException("EINVAL", namespace + "." + method
                    + ": the arguments could not be read as JSON"));
        }
        var context = McpCallContext.forExecution(scope, mcpJson, json, profile);
        return capabilities.call(new CapabilityCall(namespace, method, arguments, context)).thenApply(json::writeValueAsString);
    }

    private CompletableFuture<String> fetch(String argumentsJson) {
        if (egress == null) {
            return CompletableFuture.failedFuture(new CapabilityException("EGRESS_DENIED",
                    "fetch is not allowed: no egress is granted to this connection (paddock.json has no \"egress\" rules for its profile)"));
        }
        JsonNode request = json.readTree(argumentsJson).path(0);
        return egress.fetch(json.writeValueAsString(request));
    }

    private static Throwable toJsError(Throwable failure) {
        Throwable cause = CapabilityException.unwrap(failure);
        if (cause instanceof CapabilityException c) {
            return new HostCallException("EINVAL".equals(c.code()) ? "TypeError" : "Error", c.code(), c.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return new HostCallException("TypeError", "EINVAL", cause.getMessage());
        }
        return cause;
    }
}
