package dev.paddock.transport.http;

import dev.paddock.transport.Cancellation;
import dev.paddock.transport.InFlightRequests;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One MCP session over HTTP: the SDK's session, who opened it, and its resumable streams.
 *
 * <p>Finished streams are kept (a bounded number) so that a client that lost the connection before the
 * last event can still resume; they go when the session ends.
 */
final class Session {
    /** Protocol versions from this one on understand priming events (empty data) on SSE streams. */
    private static final String PRIMING_SINCE = "2025-11-25";
    private static final int FINISHED_STREAMS_KEPT = 64;
    /** JSON-RPC's range for server errors; the same code as the transport's other refusals. */
    static final int SESSION_ENDED = -32000;

    private final String id;
    private final McpStreamableServerSession sdk;
    private final BearerAuth.Caller caller;
    private final ProfileProvider provider;
    private final int replayEvents;
    private final long maxStreamBytes;
    private final Map<String, EventStream> streams = new LinkedHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final InFlightRequests inFlight = new InFlightRequests();
    private final Set<RequestAnswer> answering = ConcurrentHashMap.newKeySet();
    private volatile long lastActivity = System.nanoTime();
    private volatile String protocolVersion = "";
    private long streamCount;
    private EventStream listening;

    Session(String id, McpStreamableServerSession sdk, BearerAuth.Caller caller, ProfileProvider provider,
            int replayEvents, long maxStreamBytes) {
        this.id = id;
        this.sdk = sdk;
        this.caller = caller;
        this.provider = provider;
        this.replayEvents = replayEvents;
        this.maxStreamBytes = maxStreamBytes;
    }

    /** The requests being answered, so that {@code notifications/cancelled} reaches the right one. */
    InFlightRequests inFlight() {
        return inFlight;
    }

    String id() {
        return id;
    }

    McpStreamableServerSession sdk() {
        return sdk;
    }

    BearerAuth.Caller caller() {
        return caller;
    }

    ProfileProvider provider() {
        return provider;
    }

    /**
     * What the MCP server's handlers see of a message of this session: its profile and id, and for a request
     * its {@link Cancellation} and the SSE stream answering it (both null when there is none).
     */
    McpTransportContext context(EventStream stream, Cancellation cancellation) {
        var values = new HashMap<String, Object>();
        if (cancellation != null) values.put(Cancellation.CONTEXT_KEY, cancellation);
        values.put(StreamableHttpTransport.PROFILE_KEY, caller.profile());
        values.put(StreamableHttpTransport.SESSION_KEY, id);
        if (stream != null) values.put(StreamControl.CONTEXT_KEY, stream);
        return McpTransportContext.create(values);
    }

    void negotiated(String version) {
        protocolVersion = version == null ? "" : version;
    }

    /** Older clients parse every SSE data field as JSON and would choke on a priming event. */
    boolean primes() {
        return protocolVersion.compareTo(PRIMING_SINCE) >= 0;
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    void requestStarted() {
        running.incrementAndGet();
        touch();
    }

    void requestFinished() {
        running.decrementAndGet();
        touch();
    }

    synchronized boolean idleFor(Duration timeout) {
        return evictable() && System.nanoTime() - lastActivity > timeout.toNanos();
    }

    /** Nothing running and no client reading a stream: ending it now interrupts no one. */
    synchronized boolean evictable() {
        return running.get() == 0 && streams.values().stream().noneMatch(EventStream::attached);
    }

    /** {@link System#nanoTime()} of the last request or event. */
    long lastActivity() {
        return lastActivity;
    }

    synchronized void keepAlive() {
        streams.values().forEach(EventStream::keepAlive);
    }

    synchronized EventStream newStream() {
        forgetOldFinishedStreams();
        var stream = new EventStream(Long.toString(++streamCount), replayEvents, maxStreamBytes, this::touch);
        streams.put(stream.id(), stream);
        return stream;
    }

    /** A fresh listening stream, or null while another GET is still reading the current one. */
    synchronized EventStream newListeningStream() {
        if (listening != null && listening.attached()) return null;
        if (listening != null) listening.close();
        listening = newStream();
        return listening;
    }

    /** The stream an event id ({@code <stream>-<seq>}) belongs to, or null. */
    synchronized EventStream streamOf(String eventId) {
        int dash = eventId.lastIndexOf('-');
        return dash < 0 ? null : streams.get(eventId.substring(0, dash));
    }

    static long sequenceOf(String eventId) {
        try {
            return Long.parseLong(eventId.substring(eventId.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Sends a message on the listening stream; dropped when the client never opened one. */
    void sendOnListeningStream(McpSchema.JSONRPCMessage message) {
        EventStream target;
        synchronized (this) {
            target = listening;
        }
        if (target != null) target.sendMessage(message).subscribe();
    }

    /** A request being answered, until {@link #answered}; ending the session fails it instead of dropping it. */
    void answering(RequestAnswer answer) {
        answering.add(answer);
    }

    void answered(RequestAnswer answer) {
        answering.remove(answer);
    }

    /**
     * Ends the session: requests still running are answered with an error giving the reason (their clients
     * would otherwise wait for an answer that never comes), then the SDK's session and every stream close.
     */
    Mono<Void> close(String reason) {
        List<EventStream> all;
        synchronized (this) {
            all = new ArrayList<>(streams.values());
            streams.clear();
            listening = null;
        }
        return Flux.fromIterable(List.copyOf(answering))
                .flatMap(answer -> answer.fail(SESSION_ENDED, "session ended before this request was answered: " + reason))
                .then(sdk.closeGracefully().onErrorComplete())
                .then(Flux.fromIterable(all).doOnNext(EventStream::close).then());
    }

    private void forgetOldFinishedStreams() {
        long finished = streams.values().stream().filter(EventStream::completed).count();
        var it = streams.values().iterator();
        while (finished > FINISHED_STREAMS_KEPT && it.hasNext()) {
            var stream = it.next();
            if (stream.completed() && !stream.attached()) {
                it.remove();
                finished--;
            }
        }
    }
}
