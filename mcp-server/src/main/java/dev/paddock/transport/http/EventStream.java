package dev.paddock.transport.http;

import dev.paddock.transport.McpJson;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One resumable SSE stream of a session: the answer stream of one POSTed request, or the session's
 * listening (GET) stream.
 *
 * <p>The stream outlives its HTTP connection. Every message gets an event id {@code <stream>-<seq>} and is
 * kept in a bounded buffer; while no connection is attached (the client went away, or the server let go of
 * it on purpose) messages only go to the buffer, and a GET with {@code Last-Event-ID} attaches a new
 * connection that first receives what it missed. A failed write therefore costs the connection, never the
 * session (the servlet transport drops the whole session, SDK #952).
 */
final class EventStream implements McpStreamableServerTransport, StreamControl {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private record Event(long seq, String data) {}

    private final String id;
    private final int capacity;
    private final Runnable onActivity;
    private final Deque<Event> buffer = new ArrayDeque<>();
    private long lastSeq;
    private Sinks.Many<String> connection;
    private boolean completed;

    EventStream(String id, int capacity, Runnable onActivity) {
        this.id = id;
        this.capacity = capacity;
        this.onActivity = onActivity;
    }

    String id() {
        return id;
    }

    /**
     * Attaches a new connection and returns the SSE text it should carry: optionally a priming event (an id
     * and empty data, so the client can resume even before the first message) with the {@code retry:}
     * delay, then every buffered event after {@code afterSeq}, then live events until the stream completes.
     * A connection already attached is ended: the newest reader wins.
     */
    synchronized Flux<String> attach(long afterSeq, boolean priming, Duration retry) {
        if (connection != null) connection.tryEmitComplete();
        Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
        if (priming) sink.tryEmitNext(frame(lastSeq, "", retry));
        if (!buffer.isEmpty() && buffer.peekFirst().seq() > afterSeq + 1) {
            log.warn("stream {}: events {}..{} were dropped from the replay buffer before the client resumed",
                    id, afterSeq + 1, buffer.peekFirst().seq() - 1);
        }
        for (Event event : buffer) {
            if (event.seq() > afterSeq) sink.tryEmitNext(frame(event.seq(), event.data(), null));
        }
        if (completed) {
            sink.tryEmitComplete();
        } else {
            connection = sink;
        }
        return sink.asFlux().doFinally(signal -> detach(sink));
    }

    /** True while an HTTP connection is reading this stream. */
    synchronized boolean attached() {
        return connection != null;
    }

    synchronized boolean completed() {
        return completed;
    }

    private synchronized void detach(Sinks.Many<String> sink) {
        if (connection == sink) connection = null;
    }

    /** Sends an SSE comment on the attached connection, if any; clients ignore it, proxies see traffic. */
    synchronized void keepAlive() {
        if (connection != null && connection.tryEmitNext(":\n\n").isFailure()) connection = null;
    }

    /** Ends the HTTP connection but keeps the stream: the client reconnects with {@code Last-Event-ID}. */
    @Override
    public synchronized void closeConnection() {
        if (connection != null) {
            connection.tryEmitComplete();
            connection = null;
        }
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    /** The SDK's own message id is ignored: ours encode the stream so a resume can find it. */
    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String sdkMessageId) {
        return Mono.fromRunnable(() -> append(serialize(message)));
    }

    private synchronized void append(String data) {
        if (completed) {
            log.debug("stream {}: message after completion dropped", id);
            return;
        }
        var event = new Event(++lastSeq, data);
        buffer.addLast(event);
        if (buffer.size() > capacity) buffer.removeFirst();
        onActivity.run();
        if (connection != null && connection.tryEmitNext(frame(event.seq(), data, null)).isFailure()) {
            log.debug("stream {}: connection gone, event {} kept for replay", id, event.seq());
            connection = null;
        }
    }

    private String serialize(McpSchema.JSONRPCMessage message) {
        try {
            return McpJson.MAPPER.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String frame(long seq, String data, Duration retry) {
        var out = new StringBuilder();
        out.append("id: ").append(id).append('-').append(seq).append('\n');
        if (retry != null) out.append("retry: ").append(retry.toMillis()).append('\n');
        if (!data.isEmpty()) out.append("event: message\n");
        out.append("data: ").append(data).append("\n\n");
        return out.toString();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return McpJson.MAPPER.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    /** No more messages: an attached connection ends after what it has; a later resume gets the rest. */
    @Override
    public synchronized void close() {
        completed = true;
        closeConnection();
    }
}
