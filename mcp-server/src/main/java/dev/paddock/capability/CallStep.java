package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * One concern on the path from agent code to a capability method ({@link CallPath} lists them in order).
 * A step either answers the call itself or passes it on with {@code next.proceed(call)}.
 */
public interface CallStep {
    CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next);

    /** The rest of the path after a step. */
    interface Chain {
        CompletableFuture<JsonNode> proceed(CapabilityCall call);
    }
}
