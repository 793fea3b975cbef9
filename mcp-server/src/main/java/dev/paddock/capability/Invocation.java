package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;

/**
 * The last step: runs the Java method on the host executor, never on the isolate's thread, so agent
 * code that starts several calls ({@code Promise.all}) gets them overlapped and a slow host method
 * cannot stall the isolate's event loop.
 */
final class Invocation implements CallStep {
    private final Executor hostExecutor;

    Invocation(Executor hostExecutor) {
        this.hostExecutor = hostExecutor;
    }

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        return CompletableFuture.supplyAsync(
                        () -> call.target().invoke(call.arguments(), call.context(), call.qualifiedName()), hostExecutor)
                .thenCompose(future -> future);
    }
}
