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

    Invocation(Map<String, BoundMethod> methodsByQualifiedName, Executor hostExecutor) {
        this.methods = Map.copyOf(methodsByQualifiedName);
        this.hostExecutor = hostExecutor;
    }

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        BoundMethod method = methods.get(call.qualifiedName());
        if (method == null) {
            return CompletableFuture.failedFuture(new CapabilityException("ENOSYS", call.qualifiedName() + " is not a granted method"));
        }
        return CompletableFuture.supplyAsync(
                        () -> method.invoke(call.arguments(), call.context(), call.qualifiedName()), hostExecutor)
                .thenCompose(future -> future);
    }
}
