package dev.paddock.server;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import dev.paddock.sandbox.ExecutionScope;
import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.HostCallException;
import dev.paddock.sandbox.HostCalls;
import dev.paddock.sandbox.Sandbox;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One session's way out of its isolate: its own capability instances (so in-memory state stays with the
 * connection), {@code fetch} among them as {@code #egress}. Every call, from agent code or a direct tool,
 * goes to {@link CapabilitySet#call}. Translates capability failures into JS errors: bad arguments become
 * TypeErrors, everything else an Error with the capability's code.
 */
public final class SessionHostApi implements HostApi {
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Supplier<CapabilitySet> newCapabilities;
    /** Replaced when the sandbox evicts the session's isolate: in-memory state goes with the globals. */
    private volatile CapabilitySet capabilities;
    private final String profile;
    private final Set<String> ungranted;

    /** @param ungranted capabilities the server offers that the profile does not grant */
    SessionHostApi(Supplier<CapabilitySet> newCapabilities, String profile, Set<String> ungranted) {
        this.newCapabilities = newCapabilities;
        this.capabilities = newCapabilities.get();
        this.profile = profile;
        this.ungranted = ungranted;
    }

    /**
     * Makes sessions lose their in-memory capability state when the sandbox evicts their isolate, as the
     * eviction notice tells the agent.
     */
    static void dropStateOnEviction(Sandbox sandbox) {
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
    public Set<String> ungranted() {
        return ungranted;
    }

    @Override
    public String whyWithheld(String namespace, String method) {
        return capabilities.whyWithheld(namespace, method);
    }

    /** A call from a run without an MCP client ({@code paddock exec}). */
    @Override
    public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
        return fromIsolate(namespace, method, argumentsJson,
                CallContext.withoutClient(profile, scope.deadline(), scope.whenEnded()));
    }

    /**
     * This session's calls for one execute request of its MCP client: capabilities see that request, and
     * {@code inFlight} counts the calls until they finish.
     */
    HostCalls forRequest(McpAsyncServerExchange exchange, ProgressReporter progress, HostCallsInFlight inFlight) {
        return (namespace, method, argumentsJson, scope) -> inFlight.track(namespace + "." + method,
                fromIsolate(namespace, method, argumentsJson,
                        new McpCallContext(exchange, progress, scope.deadline(), scope.whenEnded(), profile)));
    }

    /** Runs a capability call for a direct MCP tool call, outside any isolate. */
    CompletableFuture<JsonNode> callDirect(CapabilitySet.DirectTool tool, JsonNode input, McpCallContext context) {
        CapabilitySet current = capabilities;
        return current.call(tool.namespace(), tool.method(), current.argumentsOf(tool, input), context);
    }

    /** The context knows when the execution ends: capabilities stop their host work through it. */
    private CompletableFuture<String> fromIsolate(String namespace, String method, String argumentsJson, CallContext context) {
        CompletableFuture<String> call;
        try {
            JsonNode arguments = JSON.readTree(argumentsJson);
            call = capabilities.call(namespace, method, arguments, context).thenApply(JSON::writeValueAsString);
        } catch (JacksonException e) {
            call = CompletableFuture.failedFuture(new CapabilityException("EINVAL", namespace + "." + method
                    + ": the arguments could not be read as JSON"));
        }
        return call.exceptionallyCompose(failure -> CompletableFuture.failedFuture(toJsError(failure)));
    }

    private static Throwable toJsError(Throwable failure) {
        Throwable cause = CapabilityException.unwrap(failure);
        if (cause instanceof CapabilityException c) {
            return new HostCallException("EINVAL".equals(c.code()) ? "TypeError" : "Error", c.code(), c.getMessage());
        }
        return cause;
    }
}
