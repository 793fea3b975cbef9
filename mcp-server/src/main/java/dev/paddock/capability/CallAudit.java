package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Records every capability call, including those refused by validation, by the host's policy or because
 * nothing by that name is granted: who (profile), what, how long, and how it ended — at debug level on
 * the {@code paddock.audit} logger, so an operator can turn on an audit trail without touching code.
 */
final class CallAudit implements CallStep {
    private static final Logger LOG = LoggerFactory.getLogger("paddock.audit");

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        if (!LOG.isDebugEnabled()) return next.proceed(call);
        long started = System.nanoTime();
        return next.proceed(call).whenComplete((result, failure) ->
                record(call.context().profile(), call.qualifiedName(), System.nanoTime() - started, failure));
    }

    /** A call that named no granted method, so it never reached the path. */
    static void unresolved(String profile, String qualifiedName, Throwable refusal) {
        if (LOG.isDebugEnabled()) record(profile, qualifiedName, 0, refusal);
    }

    private static void record(String profile, String qualifiedName, long nanos, Throwable failure) {
        long micros = nanos / 1000;
        if (failure == null) {
            LOG.debug("profile={} call={} ok in {} µs", profile, qualifiedName, micros);
            return;
        }
        Throwable cause = CapabilityException.unwrap(failure);
        String code = cause instanceof CapabilityException c ? c.code() : cause.getClass().getSimpleName();
        LOG.debug("profile={} call={} failed ({}) in {} µs: {}", profile, qualifiedName, code, micros, cause.getMessage());
    }
}
