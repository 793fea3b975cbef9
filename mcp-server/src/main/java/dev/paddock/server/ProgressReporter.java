package dev.paddock.server;

import dev.paddock.sandbox.ExecutionListener;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Sends `notifications/progress` for one execute call whose request carried a progressToken: on start,
 * on each heartbeat of a long run, and when done. Progress is a step count so it always increases, as MCP
 * requires; the total is unknown.
 */
final class ProgressReporter implements ExecutionListener {
    private final McpAsyncServerExchange exchange;
    private final Object token;
    private final AtomicInteger step = new AtomicInteger();

    private ProgressReporter(McpAsyncServerExchange exchange, Object token) {
        this.exchange = exchange;
        this.token = token;
    }

    /** A reporter for the request, or null when the client asked for no progress. */
    static ProgressReporter forRequest(McpAsyncServerExchange exchange, Map<String, Object> meta) {
        Object token = meta == null ? null : meta.get("progressToken");
        return token == null ? null : new ProgressReporter(exchange, token);
    }

    @Override
    public void started() {
        send("running").subscribe();
    }

    @Override
    public void heartbeat(Duration elapsed) {
        send("still running after " + elapsed.toSeconds() + " s").subscribe();
    }

    /**
     * Progress a capability reports from inside the run: a further step, so progress keeps increasing, with
     * the capability's own figures in the message.
     */
    void report(double progress, Double total, String message) {
        String figures = total == null ? format(progress) : format(progress) + "/" + format(total);
        send(message == null ? figures : figures + ": " + message).subscribe();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** Completes once the notification is queued, so it goes out before the response. */
    Mono<Void> done() {
        return send("done");
    }

    private Mono<Void> send(String message) {
        // A progress note that cannot be sent must not fail the call it describes.
        return exchange.progressNotification(new ProgressNotification(token, step.getAndIncrement(), null, message))
                .onErrorComplete();
    }
}
