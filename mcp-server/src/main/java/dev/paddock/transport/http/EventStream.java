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
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>A connection whose client stops reading cannot hold the server's memory: once the events waiting for
 * it exceed {@code maxBytes}, the connection is closed (the client may resume from what it read), and the
 * replay buffer is bounded in events and bytes.
 */
final class EventStream implements McpStreamableServerTransport, StreamControl {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private record Event(long seq, String data, long bytes) {}

    private final String id;
    private final int capacity;
    private final long maxBytes;
    private final Runnable onActivity;
    private final Deque<Event> buffer = new ArrayDeque<>();
    private long bufferedBytes;
    private long lastSeq;
    private Reader reader;
    private boolean completed;

    /**
     * @param capacity events kept for replay
     * @param maxBytes bytes kept for replay (the newest event always is), and bytes an attached connection may
     *                 have waiting unread before it is closed
     */
    EventStream(String id, int capacity, long maxBytes, Runnable onActivity) {
        this.id = id;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
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
        if (reader != null) reader.end();
        var next = new Reader();
        // What the stream has kept is bounded already: it is owed to the client whole, not measured against the limit.
        if (priming) next.replay(frame(lastSeq, "", retry));
        if (!buffer.isEmpty() && buffer.peekFirst().seq() > afterSeq + 1) {
            log.warn("stream {}: events {}..{} were dropped from the replay buffer before the client resumed",
                    id, afterSeq + 1, buffer.peekFirst().seq() - 1);
        }
        for (Event event : buffer) {
            if (event.seq() > afterSeq) next.replay(frame(event.seq(), event.data(), null));
        }
        if (completed) {
            next.end();
        } else {
            reader = next;
        }
        return next.frames().doFinally(signal -> detach(next));
    }

    /** True while an HTTP connection is reading this stream. */
    synchronized boolean attached() {
        return reader != null;
    }

    synchronized boolean completed() {
        return completed;
    }

    private synchronized void detach(Reader gone) {
        if (reader == gone) reader = null;
    }

    /** Sends an SSE comment on the attached connection, if any; clients ignore it, proxies see traffic. */
    synchronized void keepAlive() {
        if (reader != null && !reader.offer(":\n\n")) reader = null;
    }

    /** Ends the HTTP connection but keeps the stream: the client reconnects with {@code Last-Event-ID}. */
    @Override
    public synchronized void closeConnection() {
        if (reader != null) {
            reader.end();
            reader = null;
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
        var event = new Event(++lastSeq, data, utf8Bytes(data));
        buffer.addLast(event);
        bufferedBytes += event.bytes();
        while (buffer.size() > capacity || (bufferedBytes > maxBytes && buffer.size() > 1)) {
            bufferedBytes -= buffer.removeFirst().bytes();
        }
        onActivity.run();
        if (reader != null && !reader.offer(frame(event.seq(), data, null))) {
            log.debug("stream {}: connection gone, event {} kept for replay", id, event.seq());
            reader = null;
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

    /** UTF-8 length without encoding: what the event costs on the wire and in memory, near enough. */
    private static long utf8Bytes(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800 && !Character.isSurrogate(c)) bytes += 2;
            else if (c >= 0x80) bytes += 1; // a surrogate pair is 4 bytes: 2 chars, 1 extra each
        }
        return bytes;
    }

    /**
     * One HTTP connection reading the stream. Frames wait in its queue until the network layer takes them,
     * which it does only as fast as the socket drains; {@link #offer} counts what waits and cuts the
     * connection when that exceeds the limit, so a client that never reads holds a bounded amount.
     */
    private final class Reader {
        private final Sinks.Many<String> queue = Sinks.many().unicast().onBackpressureBuffer();
        private final Sinks.One<Boolean> cut = Sinks.one();
        private final AtomicLong waiting = new AtomicLong();
        private volatile String cutReason;

        Flux<String> frames() {
            return queue.asFlux()
                    .doOnNext(frame -> waiting.addAndGet(-utf8Bytes(frame)))
                    .takeUntilOther(cut.asMono())
                    .concatWith(Mono.defer(() -> cutReason == null ? Mono.empty()
                            : Mono.error(new StreamCut(cutReason))));
        }

        /** Queues a frame; false when the connection is gone or has just been cut for not reading. */
        boolean offer(String frame) {
            long bytes = utf8Bytes(frame);
            long before = waiting.get();
            if (before > 0 && before + bytes > maxBytes) {
                cutReason = "stream " + id + ": the client left " + before + " bytes of events unread, and "
                        + bytes + " more would exceed http.maxStreamBufferBytes (" + maxBytes + ")";
                log.warn("{}; connection closed, the stream stays resumable with Last-Event-ID", cutReason);
                cut.tryEmitValue(true);
                return false;
            }
            waiting.addAndGet(bytes);
            if (queue.tryEmitNext(frame).isFailure()) {
                waiting.addAndGet(-bytes);
                return false;
            }
            return true;
        }

        void replay(String frame) {
            waiting.addAndGet(utf8Bytes(frame));
            queue.tryEmitNext(frame);
        }

        void end() {
            queue.tryEmitComplete();
        }
    }

    /** Ends a connection whose client stopped reading: an error, so the network layer closes it. */
    static final class StreamCut extends RuntimeException {
        StreamCut(String reason) {
            super(reason, null, false, false);
        }
    }
}
