package dev.paddock.capability;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;

/**
 * The last step: runs the Java method on the host executor, never on the isolate's thread, so agent
 * code that starts several calls ({@code Promise.all}) gets them overlapped and a slow host method
 * cannot stall the isolate's event loop.
 */
final class Invocation implements CallStep {
    private final Map<String, BoundMethod> methods;
    private final Executor hostExecutor;

    Invocation(Map<String, BoundMethod> methods, Executor hostExecutor) {
        this.methods = methods;
        this.hostExecutor = hostExecutor;
    }

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        BoundMethod target = methods.get(call.qualifiedName());
        return CompletableFuture.supplyAsync(
                        () -> target.invoke(call.arguments(), call.context(), call.qualifiedName()), hostExecutor)
                .thenCompose(future -> future);
    }
}
