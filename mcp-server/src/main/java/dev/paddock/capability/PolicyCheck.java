package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** The host's {@link CallPolicy} as a step: it sees only calls whose arguments are valid. */
final class PolicyCheck implements CallStep {
    private final CallPolicy policy;

    PolicyCheck(CallPolicy policy) {
        this.policy = policy;
    }

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        return policy.check(call).thenCompose(allowed -> next.proceed(call));
    }
}
