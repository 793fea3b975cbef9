package dev.paddock.capability;

import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Keeps host failures that were not written for the agent away from it: only a {@link CapabilityException}'s
 * message is meant for agent code. Anything else a capability, a policy or Paddock itself throws (say
 * {@code IllegalStateException("db password=hunter2")}) reaches the agent as {@code EINTERNAL} with an
 * incident id, and the server log gets the stack trace under the same id.
 */
final class HostFailures implements CallStep {
    private static final Logger LOG = LoggerFactory.getLogger(HostFailures.class);

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        // The chain turns a step that throws into a failed future, so only failures arrive here.
        return next.proceed(call).exceptionallyCompose(failure -> {
            Throwable cause = CapabilityException.unwrap(failure);
            if (cause instanceof CapabilityException || cause instanceof CancellationException) {
                return CompletableFuture.failedFuture(cause);
            }
            String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            LOG.error("{} failed in host code (incident {}, profile {})", call.qualifiedName(), incident,
                    call.context().profile(), cause);
            return CompletableFuture.failedFuture(new CapabilityException("EINTERNAL", call.qualifiedName()
                    + " failed: internal error (id " + incident + "); the server log has the details"));
        });
    }
}
