package dev.paddock.capability;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one granted capability the way agent code does: arguments as the JSON text the isolate sends,
 * through {@link CapabilitySet}'s whole call path (validation, policy, invocation on a host executor).
 */
public final class AgentCalls {
    public static final CallContext NO_CONTEXT = CallContext.withoutClient("default", Instant.MAX, new CompletableFuture<>());

    private final CapabilitySet set;
    private final String namespace;

    private AgentCalls(CapabilitySet set, String namespace) {
        this.set = set;
        this.namespace = namespace;
    }

    public static AgentCalls to(Capability capability) {
        return to(capability, ForkJoinPool.commonPool());
    }

    public static AgentCalls to(Capability capability, Executor hostExecutor) {
        return new AgentCalls(CapabilitySet.bind(List.of(capability), hostExecutor), capability.namespace());
    }

    /** Starts {@code namespace.method(...arguments)}; {@code argumentsJson} is the JSON array of arguments. */
    public CompletableFuture<JsonNode> start(String method, String argumentsJson) {
        return set.call(namespace, method, JsonMapper.shared().readTree(argumentsJson), NO_CONTEXT);
    }

    /** The call's result; a failure is rethrown as what the agent would see (a {@link CapabilityException}). */
    public JsonNode call(String method, String argumentsJson) {
        try {
            return start(method, argumentsJson).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
