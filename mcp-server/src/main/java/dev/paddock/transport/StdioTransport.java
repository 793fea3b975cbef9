package dev.paddock.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio: newline-delimited JSON-RPC, one session per process.
 *
 * <p>Written instead of the SDK's provider because that one ends the session on the first line it cannot
 * parse, has no hook for the end of stdin and keeps the JVM alive with non-daemon threads. Here a bad line
 * gets a JSON-RPC error and the session goes on; {@code notifications/cancelled} is routed to the request
 * it names (see {@link Cancellation}); end of input closes the session, runs the session-closed hook and
 * completes {@link #closed()}. One thread writes stdout, so messages never interleave.
 */
public final class StdioTransport implements McpServerTransportProvider {
    private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);
    private static final int MAX_LINE_CHARS = 16 << 20;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(5);
    private static final String CANCELLED = "notifications/cancelled"; // no constant for it in mcp-core 2.1.0

    private final InputStream in;
    private final OutputStream out;
    private final JsonRpcLine decoder;
    private final Consumer<String> onSessionClosed;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("paddock-stdout"));
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile McpServerSession session;

    /**
     * @param onSessionClosed called with the session id once the session has ended, e.g. to close its isolate
     */
    public StdioTransport(InputStream in, OutputStream out, Consumer<String> onSessionClosed) {
        this.in = Objects.requireNonNull(in);
        this.out = Objects.requireNonNull(out);
        this.decoder = new JsonRpcLine();
        this.onSessionClosed = Objects.requireNonNull(onSessionClosed);
    }

    /** Completes when stdin has ended and the session is closed. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        if (session != null) throw new IllegalStateException("stdio carries exactly one session");
        session = sessionFactory.create(new SessionTransport());
        Thread.ofPlatform().daemon().name("paddock-stdin").start(this::readUntilEndOfInput);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::shutDown);
    }

    private void readUntilEndOfInput() {
        var lines = new LineReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), MAX_LINE_CHARS);
        try {
            String line;
            while (!closing.get() && (line = lines.next()) != null) {
                if (line == LineReader.TOO_LONG) {
                    write(new JsonRpcLine.ErrorReply(null, ErrorCodes.PARSE_ERROR, "Parse error",
                            "line longer than " + MAX_LINE_CHARS + " characters"));
                } else if (!line.isBlank()) {
                    accept(line);
                }
            }
            // `printf requests | paddock` should still get its answers: give running requests a moment.
            inFlight.drained().get(IN_FLIGHT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            if (!closing.get()) log.warn("stdin failed, closing the session: {}", e.getMessage());
        } catch (TimeoutException | ExecutionException e) {
            log.debug("input ended; requests still running after {} are abandoned", Durations.human(IN_FLIGHT_GRACE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutDown();
    }

    private void accept(String line) {
        try {
            route(decoder.decode(line));
        } catch (RuntimeException e) {
            // One bad message must not end the session; the SDK answers requests it fails on itself.
            log.warn("could not handle an input line: {}", e.toString());
        }
    }

    private void route(JsonRpcLine.Decoded decoded) {
        switch (decoded) {
            case JsonRpcLine.Rejected rejected -> {
                log.debug("rejected input line: {}", rejected.reply().error().data());
                write(rejected.reply());
            }
            case JsonRpcLine.Message(McpSchema.JSONRPCNotification n)
                    when CANCELLED.equals(n.method()) -> {
                if (n.params() instanceof Map<?, ?> params) inFlight.cancel(params.get("requestId"));
            }
            case JsonRpcLine.Message(McpSchema.JSONRPCRequest request) -> {
                var context = McpTransportContext.create(Map.of(Cancellation.CONTEXT_KEY, inFlight.started(request.id())));
                dispatch(session.handle(request).contextWrite(c -> c.put(McpTransportContext.KEY, context)));
            }
            case JsonRpcLine.Message(JSONRPCMessage message) -> dispatch(session.handle(message));
        }
    }

    private static void dispatch(Mono<Void> handling) {
        handling.subscribe(null, e -> log.warn("message handling failed: {}", e.toString()));
    }

    /** Queues the message for the one writer thread; the returned future completes once it is flushed. */
    private CompletableFuture<Void> write(Object message) {
        try {
            return CompletableFuture.runAsync(() -> writeNow(message), writer);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // closed: late replies have nowhere to go
        }
    }

    private void writeNow(Object message) {
        try {
            out.write(McpJson.MAPPER.writeValueAsBytes(message));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // The client is gone: nothing can be told to it any more.
            if (!closing.get()) log.warn("stdout failed, closing the session: {}", e.getMessage());
            Thread.ofVirtual().start(this::shutDown);
        } catch (RuntimeException e) {
            log.error("could not serialize an outgoing message; it is lost: {}", e.toString());
        }
    }

    private void shutDown() {
        if (!closing.compareAndSet(false, true)) return;
        var ending = session;
        try {
            if (ending != null) {
                ending.closeGracefully().block(DRAIN_TIMEOUT);
                // Bounded: a hook that hangs (say, an isolate that will not close) must not keep the
                // process alive after its client has gone.
                CompletableFuture.runAsync(() -> onSessionClosed.accept(ending.getId()), Thread::startVirtualThread)
                        .get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.warn("closing the session failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.shutdown();
            try {
                writer.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closed.complete(null);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> Thread.ofPlatform().daemon().name(name).unstarted(runnable);
    }

    /** The session's view of the transport. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            if (message instanceof JSONRPCResponse response && !inFlight.finished(response.id())) {
                log.debug("request {} was cancelled by the client; its response is dropped", response.id());
                return Mono.empty();
            }
            return Mono.fromFuture(() -> write(InputErrors.withoutJavaNames(message)), true);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return McpJson.MAPPER.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty(); // the provider owns the streams and closes them in shutDown()
        }
    }
}
