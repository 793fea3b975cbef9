package dev.paddock.capability;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Decides, after arguments are valid and before any host code runs, whether a call may go ahead — e.g.
 * ask the user through {@link CallContext#elicit} before {@code files.write}, or refuse a {@code fetch}
 * (namespace {@code #egress}, method {@code fetch}) to a path the egress rules allow but this host does
 * not. Complete normally to allow; fail (with a {@link CapabilityException} the agent will read) to refuse.
 * Plugins contribute policies with a {@code META-INF/services/dev.paddock.capability.CallPolicy} file.
 */
@FunctionalInterface
public interface CallPolicy {
    CallPolicy ALLOW_ALL = call -> CompletableFuture.completedFuture(null);

    CompletableFuture<Void> check(CapabilityCall call);

    /** Every policy in turn; the first refusal wins and later policies do not see the call. */
    static CallPolicy all(List<CallPolicy> policies) {
        List<CallPolicy> chain = List.copyOf(policies);
        if (chain.isEmpty()) return ALLOW_ALL;
        if (chain.size() == 1) return chain.getFirst();
        return call -> {
            CompletableFuture<Void> decided = CompletableFuture.completedFuture(null);
            for (CallPolicy policy : chain) decided = decided.thenCompose(allowed -> policy.check(call));
            return decided;
        };
    }
}
