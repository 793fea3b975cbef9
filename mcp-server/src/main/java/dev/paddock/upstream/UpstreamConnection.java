package dev.paddock.upstream;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One live link to an upstream MCP server through the SDK's client, kept up: when the server exits or its
 * link fails it is restarted with backoff (1 s, doubling, at most 60 s), and until it is back every call fails
 * at once with {@code upstream 'github' is unavailable: <reason>; retrying in N s}. A call honours the
 * execution's deadline and cancellation (the server gets {@code notifications/cancelled}); the server's
 * progress notifications reach the call's {@link CallContext#progress}, its log messages the contexts of the
 * calls in flight (else Paddock's log), tagged with the namespace.
 */
final class UpstreamConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamConnection.class);
    static final String UNAVAILABLE = "UPSTREAM_UNAVAILABLE";
    private static final JacksonMcpJsonMapper MCP_JSON = new JacksonMcpJsonMapper(JsonMapper.shared());
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("upstream-retry").factory());
    private static final AtomicLong TOKENS = new AtomicLong();
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(1);

    /**
     * @param startTimeout     longest a start may take, process launch to the tool list
     * @param maxMessageChars  the largest message read from the server; a larger result fails its call
     */
    record Settings(Duration startTimeout, int maxMessageChars) {
        static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), 16 * 1024 * 1024);
    }

    private record Link(McpAsyncClient client, TrackedTransport transport, McpClientTransport raw) {}

    private record Pending(CallContext context, CompletableFuture<McpSchema.CallToolResult> result) {}

    private final UpstreamSpec spec;
    private final Settings settings;
    /** Hears the server's tools after a restart and after its {@code notifications/tools/list_changed}. */
    private final Consumer<List<McpSchema.Tool>> toolsChanged;
    private final Map<Object, Pending> inFlight = new ConcurrentHashMap<>();
    private Link link;
    private String downReason = "not started yet";
    private Instant retryAt = Instant.now();
    private Duration backoff = FIRST_RETRY;
    private ScheduledFuture<?> retry;
    private boolean closed;

    UpstreamConnection(UpstreamSpec spec, Settings settings, Consumer<List<McpSchema.Tool>> toolsChanged) {
        this.spec = spec;
        this.settings = settings;
        this.toolsChanged = toolsChanged;
    }

    UpstreamSpec spec() {
        return spec;
    }

    /** Starts the server; completes with its tools, or fails saying why within {@link Settings#startTimeout}. */
    CompletableFuture<List<McpSchema.Tool>> start() {
        McpClientTransport raw;
        try {
            raw = transport();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        var tracked = new TrackedTransport(raw);
        McpAsyncClient client = McpClient.async(tracked)
                .clientInfo(new McpSchema.Implementation("paddock", version()))
                .requestTimeout(Duration.ofDays(1)) // each call has its execution's deadline instead
                .initializationTimeout(settings.startTimeout())
                .progressConsumer(this::progress)
                .loggingConsumer(this::log)
                // the SDK lists the tools again on notifications/tools/list_changed and hands them here
                .toolsChangeConsumer(tools -> {
                    LOG.info("upstream '{}' changed its tools", spec.name());
                    toolsChanged.accept(tools);
                    return Mono.empty();
                })
                .build();
        var started = client.initialize().then(listTools(client, null, new ArrayList<>()))
                .timeout(settings.startTimeout())
                .toFuture();
        if (raw instanceof ChildProcessTransport child) {
            // a server that dies while starting says so now, not when the start timeout runs out
            child.exited().thenAccept(status -> started.completeExceptionally(new IllegalStateException("it exited with status " + status)));
        }
        return started.handle((tools, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                closeQuietly(client, raw);
                String reason = timedOut(cause)
                        ? "it did not finish initialize and tools/list within " + settings.startTimeout().toSeconds() + " s"
                        : "it failed to start: " + describe(cause);
                throw new IllegalStateException(reason, cause);
            }
            synchronized (this) {
                if (closed) {
                    closeQuietly(client, raw);
                    throw new IllegalStateException("shut down");
                }
                link = new Link(client, tracked, raw);
                backoff = FIRST_RETRY;
            }
            if (raw instanceof ChildProcessTransport child) {
                child.exited().thenAccept(status -> down(raw, "it exited with status " + status));
            }
            return tools;
        });
    }

    /**
     * Starts the server as {@link #start}; when that fails it is not given up but restarted with the same
     * backoff as a server that died, and its tools reach {@code toolsChanged} once it is back.
     */
    CompletableFuture<List<McpSchema.Tool>> startOrRetry() {
        return start().whenComplete((tools, failure) -> {
            if (failure == null) return;
            synchronized (this) {
                downReason = failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage();
                if (!closed) scheduleRestart();
            }
        });
    }

    /** Why the server is down while a restart is pending ("it exited with status 1"), else null. */
    synchronized String downReason() {
        return link == null && retry != null && !closed ? downReason : null;
    }

    private Mono<List<McpSchema.Tool>> listTools(McpAsyncClient client, String cursor, List<McpSchema.Tool> found) {
        return client.listTools(cursor).flatMap(page -> {
            found.addAll(page.tools());
            return page.nextCursor() == null || page.nextCursor().isEmpty() ? Mono.just(found)
                    : listTools(client, page.nextCursor(), found);
        });
    }

    private McpClientTransport transport() {
        return switch (spec.launch()) {
            case UpstreamSpec.Stdio stdio -> new ChildProcessTransport(spec.name(), stdio, MCP_JSON, settings.maxMessageChars());
            case UpstreamSpec.Http http -> {
                String url = http.url().toString();
                String path = http.url().getRawPath() + (http.url().getRawQuery() == null ? "" : "?" + http.url().getRawQuery());
                yield HttpClientStreamableHttpTransport.builder(url.substring(0, url.length() - path.length()))
                        .endpoint(path.isEmpty() ? "/" : path)
                        .jsonMapper(MCP_JSON)
                        .maxResponseSize(settings.maxMessageChars())
                        .httpRequestCustomizer((request, method, uri, body, context) -> http.headers().forEach(request::setHeader))
                        .build();
            }
        };
    }

    /**
     * Calls a tool; fails with a {@link CapabilityException} written for agent code when the server is down,
     * the deadline passes or the server answers with a JSON-RPC error.
     */
    CompletableFuture<McpSchema.CallToolResult> call(String qualifiedName, String tool, Map<String, Object> arguments,
            CallContext context) {
        Link current;
        synchronized (this) {
            if (closed) return CompletableFuture.failedFuture(new CapabilityException(UNAVAILABLE, "upstream '" + spec.name() + "' is shut down"));
            if (link == null) return CompletableFuture.failedFuture(unavailable());
            current = link;
        }
        Duration left = Duration.between(Instant.now(), context.deadline());
        if (left.isNegative() || left.isZero()) return CompletableFuture.failedFuture(timedOut(qualifiedName));
        Object token = "paddock-" + TOKENS.incrementAndGet();
        var request = new McpSchema.CallToolRequest(tool, arguments, Map.of("progressToken", token));
        CompletableFuture<McpSchema.CallToolResult> result = new CompletableFuture<>();
        inFlight.put(token, new Pending(context, result));
        var subscription = current.client().callTool(request).timeout(left).subscribe(result::complete, result::completeExceptionally);
        context.whenCancelled().thenRun(() -> {
            if (!result.isDone()) {
                current.transport().cancel(token, "the execution ended before the call");
                result.completeExceptionally(new CancellationException("the execution ended"));
            }
        });
        result.whenComplete((value, failure) -> {
            inFlight.remove(token);
            current.transport().finished(token);
            subscription.dispose();
        });
        return result.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof CapabilityException || cause instanceof CancellationException) return CompletableFuture.failedFuture(cause);
            if (cause instanceof TimeoutException) {
                current.transport().cancel(token, "the execution's time limit ran out");
                return CompletableFuture.failedFuture(timedOut(qualifiedName));
            }
            if (cause instanceof McpError error) return CompletableFuture.failedFuture(answered(qualifiedName, error));
            return linkFailed(current.raw(), cause);
        });
    }

    /**
     * A call broke the link. When a child process died, writing to its stdin can fail before its exit is
     * seen; waiting a moment for the exit lets the error say "it exited with status 137", which tells the
     * user far more than "Stream closed".
     */
    private <T> CompletableFuture<T> linkFailed(McpClientTransport raw, Throwable cause) {
        CompletableFuture<Integer> exit = raw instanceof ChildProcessTransport child
                ? child.exited().copy().completeOnTimeout(null, EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                : CompletableFuture.completedFuture(null);
        return exit.thenCompose(status -> {
            down(raw, status == null ? "the link failed: " + describe(cause) : "it exited with status " + status);
            return CompletableFuture.failedFuture(unavailable());
        });
    }

    private CapabilityException answered(String qualifiedName, McpError error) {
        var rpc = error.getJsonRpcError();
        if (rpc != null && rpc.code() == UpstreamResults.TOO_LARGE) {
            return new CapabilityException("E2BIG", qualifiedName + ": upstream '" + spec.name() + "' answered with " + rpc.message());
        }
        return new CapabilityException(UpstreamResults.UPSTREAM_ERROR, qualifiedName + " failed upstream: "
                + (rpc == null ? error.getMessage() : rpc.message() + " (JSON-RPC error " + rpc.code() + ")"));
    }

    private CapabilityException timedOut(String qualifiedName) {
        return new CapabilityException("ETIMEDOUT", qualifiedName + ": upstream '" + spec.name()
                + "' did not answer within the execution's time limit; the call was cancelled upstream");
    }

    /** The error calls get while the server is down: {@code upstream 'github' is unavailable: <reason>; retrying in N s}. */
    synchronized CapabilityException unavailable() {
        long seconds = Math.max(0, Duration.between(Instant.now(), retryAt).toMillis() + 999) / 1000;
        return new CapabilityException(UNAVAILABLE, "upstream '" + spec.name() + "' is unavailable: " + downReason
                + (retry == null ? "" : "; retrying in " + seconds + " s"));
    }

    /** The link through {@code raw} is gone: fail its calls now and restart after the backoff. */
    private void down(McpClientTransport raw, String reason) {
        Link lost;
        synchronized (this) {
            if (link == null || link.raw() != raw) return;
            lost = link;
            link = null;
            downReason = reason;
            if (!closed) scheduleRestart();
        }
        LOG.warn("upstream '{}' is down: {}; restarting in {} s", spec.name(), reason,
                Math.max(0, Duration.between(Instant.now(), retryAt).toSeconds()));
        CapabilityException failure = unavailable();
        inFlight.values().forEach(pending -> pending.result().completeExceptionally(failure));
        closeQuietly(lost.client(), lost.raw());
    }

    /** Caller holds the lock. */
    private void scheduleRestart() {
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
        retryAt = Instant.now().plus(wait);
        retry = RETRIES.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        synchronized (this) {
            if (closed) return;
        }
        start().whenComplete((tools, failure) -> {
            if (failure == null) {
                synchronized (this) {
                    retry = null;
                }
                LOG.info("upstream '{}' is back", spec.name());
                toolsChanged.accept(tools);
                return;
            }
            synchronized (this) {
                downReason = failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage();
                if (!closed) scheduleRestart();
            }
            LOG.warn("upstream '{}' did not come back: {}; next try in {} s", spec.name(), downReason,
                    Duration.between(Instant.now(), retryAt).toSeconds());
        });
    }

    private Mono<Void> progress(McpSchema.ProgressNotification notification) {
        Pending pending = inFlight.get(notification.progressToken());
        if (pending != null) {
            String message = notification.message();
            pending.context().progress(notification.progress(), notification.total(),
                    spec.namespace() + (message == null ? "" : ": " + message));
        }
        return Mono.empty();
    }

    private Mono<Void> log(McpSchema.LoggingMessageNotification notification) {
        String level = notification.level() == null ? "info" : notification.level().name().toLowerCase(Locale.ROOT);
        String text = spec.namespace() + ": " + notification.data();
        if (inFlight.isEmpty()) LOG.info("[{}] {} {}", spec.name(), level, notification.data());
        inFlight.values().forEach(pending -> pending.context().log(level, text));
        return Mono.empty();
    }

    /** Ends the link for good, the child process with it. */
    @Override
    public void close() {
        Link last;
        synchronized (this) {
            closed = true;
            if (retry != null) retry.cancel(false);
            last = link;
            link = null;
        }
        if (last != null) closeQuietly(last.client(), last.raw());
    }

    private static void closeQuietly(McpAsyncClient client, McpClientTransport raw) {
        try {
            client.closeGracefully().timeout(Duration.ofSeconds(5)).onErrorResume(e -> Mono.empty()).block();
        } catch (RuntimeException e) {
            LOG.debug("closing an upstream client: {}", e.toString());
        }
        raw.close();
    }

    /** Whether a start failed by time: our own timeout, or the SDK's initialization timeout wrapped in its error. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) return true;
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static String version() {
        String version = UpstreamConnection.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
