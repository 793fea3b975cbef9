package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;

/**
 * Decides, after arguments are valid and before any host code runs, whether a call may go ahead — e.g.
 * ask the user through {@link CallContext#elicit} before {@code files.write}. Complete normally to allow;
 * fail (with a {@link CapabilityException} the agent will read) to refuse.
 */
@FunctionalInterface
public interface CallPolicy {
    CallPolicy ALLOW_ALL = call -> CompletableFuture.completedFuture(null);

    CompletableFuture<Void> check(CapabilityCall call);

    /** The policy as a step of the call path. */
    default CallStep asStep() {
        return (call, next) -> check(call).thenCompose(allowed -> next.proceed(call));
    }
}
