package dev.paddock.upstream;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream server of one profile: the types its tools have now, and the processes behind them. A shared
 * server is one connection for all the profile's sessions; a {@code perSession} one gets a connection per
 * session ({@link Link}), started by the session's first call to it, and its types come from whichever of its
 * processes listed its tools last. A server that fails its first start is retried in the background like one
 * that died ({@link UpstreamConnection#startOrRetry}); until it is back it has no types, and calls to it fail at
 * once with {@link #unavailable}.
 */
final class UpstreamServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamServer.class);

    private final String profile;
    private final UpstreamSpec spec;
    private final UpstreamConnection.Settings settings;
    private final Runnable typesChanged;
    /** The profile's process; null when each session has its own. */
    private final UpstreamConnection shared;
    /** Every per-session connection still open, so that shutdown ends them too. */
    private final Set<UpstreamConnection> perSession = ConcurrentHashMap.newKeySet();
    private volatile UpstreamTypes types;
    /** The connection retrying a failed first start (the shared one, or a per-session server's probe); else null. */
    private volatile UpstreamConnection retrying;
    private CompletableFuture<Void> started;

    UpstreamServer(String profile, UpstreamSpec spec, UpstreamConnection.Settings settings, Runnable typesChanged) {
        this.profile = profile;
        this.spec = spec;
        this.settings = settings;
        this.typesChanged = typesChanged;
        this.shared = spec.perSession() ? null : new UpstreamConnection(spec, settings, this::toolsChanged);
    }

    UpstreamSpec spec() {
        return spec;
    }

    /**
     * Starts the server once and learns its tools; completes when they are known, or exceptionally when it did
     * not start within the start timeout. A per-session server is started once here only to read its tools.
     */
    synchronized CompletableFuture<Void> start() {
        if (started == null) {
            UpstreamConnection first = shared != null ? shared : new UpstreamConnection(spec, settings, this::toolsChanged);
            started = first.startOrRetry().thenAccept(this::toolsChanged).whenComplete((ok, failure) -> {
                if (failure == null) {
                    if (first != shared) first.close();
                    return;
                }
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                LOG.error("upstream '{}' ({}, profile {}) did not start and is left out until a retry brings it back: {}",
                        spec.name(), spec.launch(), profile, cause.getMessage());
                retrying = first;
                // its namespace now says why it is missing, in the description and in the isolate
                typesChanged.run();
            });
        }
        return started;
    }

    /** Whether its first start is still to come: a lazy server before the first execute that may use it. */
    synchronized boolean notStarted() {
        return started == null;
    }

    private void toolsChanged(List<McpSchema.Tool> tools) {
        UpstreamTypes now = Upstreams.typesOf(spec, tools);
        if (now.typeScript().isEmpty()) {
            LOG.warn("upstream '{}' (profile {}) offers no tool this profile may call; it is left out", spec.name(), profile);
        }
        types = now;
        UpstreamConnection back = retrying;
        retrying = null;
        // a per-session server's probe only had to read the tools; a shared connection serves on
        if (back != null && back != shared) Thread.ofVirtual().start(back::close);
        typesChanged.run();
    }

    /**
     * Why a call fails at once while the server's first start failed and it is retried: it has no types yet,
     * so no capability. Null once it has types, or while no retry is pending.
     */
    CapabilityException unavailable() {
        UpstreamConnection down = retrying;
        return down == null || down.downReason() == null ? null : down.unavailable();
    }

    /** What {@link #unavailable} says, without the changing "retrying in N s": for the execute description. */
    String unavailableReason() {
        UpstreamConnection down = retrying;
        return down == null ? null : down.downReason();
    }

    /** This server as one session's capability, or null while it has no tool to offer. */
    Capability capability(Link link) {
        UpstreamTypes current = types;
        if (current == null || current.typeScript().isEmpty()) return null;
        return new UpstreamCapability(spec, context -> link.connection(context), current).capability();
    }

    /** This server's part of one session: the shared connection, or the session's own. */
    Link link() {
        return new Link();
    }

    /** Ends the shared process and every session's. */
    @Override
    public void close() {
        UpstreamConnection probe = retrying;
        if (probe != null) probe.close();
        if (shared != null) shared.close();
        perSession.forEach(UpstreamConnection::close);
    }

    /** The connection one session's calls take; for a per-session server, started by the first call and ended with the session. */
    final class Link implements AutoCloseable {
        private CompletableFuture<UpstreamConnection> own;
        private boolean closed;

        CompletableFuture<UpstreamConnection> connection(CallContext context) {
            if (shared != null) return CompletableFuture.completedFuture(shared);
            CompletableFuture<UpstreamConnection> starting;
            synchronized (this) {
                if (closed) return CompletableFuture.failedFuture(new CapabilityException(UpstreamConnection.UNAVAILABLE,
                        "upstream '" + spec.name() + "' is shut down for this session"));
                if (own == null || own.isCompletedExceptionally()) own = startOwn();
                starting = own;
            }
            long left = Duration.between(Instant.now(), context.deadline()).toMillis();
            return starting.copy().orTimeout(Math.max(1, left), TimeUnit.MILLISECONDS).exceptionallyCompose(failure ->
                    CompletableFuture.failedFuture(failure instanceof TimeoutException
                            ? new CapabilityException("ETIMEDOUT", "upstream '" + spec.name()
                                    + "' did not start within the execution's time limit; try again, it keeps starting")
                            : failure));
        }

        private CompletableFuture<UpstreamConnection> startOwn() {
            var connection = new UpstreamConnection(spec, settings, UpstreamServer.this::toolsChanged);
            perSession.add(connection);
            return connection.start().handle((tools, failure) -> {
                if (failure == null) return connection;
                forget(connection);
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                throw new CapabilityException(UpstreamConnection.UNAVAILABLE, "upstream '" + spec.name() + "' is unavailable: "
                        + cause.getMessage());
            });
        }

        private void forget(UpstreamConnection connection) {
            perSession.remove(connection);
            connection.close();
        }

        /** Ends the session's own process, if it has one. */
        @Override
        public void close() {
            CompletableFuture<UpstreamConnection> last;
            synchronized (this) {
                closed = true;
                last = own;
            }
            if (last != null) last.thenAccept(this::forget);
        }
    }
}
