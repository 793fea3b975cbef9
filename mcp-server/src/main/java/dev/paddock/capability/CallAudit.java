package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Records every capability call that passed validation: who (profile), what, how long, and how it
 * ended — at debug level, so an operator can turn on an audit trail without touching code.
 */
final class CallAudit implements CallStep {
    private static final Logger LOG = LoggerFactory.getLogger("paddock.audit");

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        if (!LOG.isDebugEnabled()) return next.proceed(call);
        long started = System.nanoTime();
        return next.proceed(call).whenComplete((result, failure) -> {
            long micros = (System.nanoTime() - started) / 1000;
            if (failure == null) {
                LOG.debug("profile={} call={} ok in {} µs", call.context().profile(), call.qualifiedName(), micros);
            } else {
                LOG.debug("profile={} call={} failed in {} µs: {}", call.context().profile(), call.qualifiedName(), micros,
                        failure.getMessage());
            }
        });
    }
}
