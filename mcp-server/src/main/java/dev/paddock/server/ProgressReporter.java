package dev.paddock.server;

import dev.paddock.sandbox.ExecutionListener;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Where the progress of one MCP request goes: nowhere when the client sent no progressToken, else
 * `notifications/progress` on that token. A notification that cannot be sent never fails the call it
 * describes.
 */
sealed interface ProgressReporter extends ExecutionListener {
    ProgressReporter NONE = new Unasked();

    /** For an execute call: a step count, since the run's heartbeats share the token with its capabilities. */
    static ProgressReporter forExecute(McpAsyncServerExchange exchange, Map<String, Object> meta) {
        Object token = token(meta);
        return token == null ? NONE : new ExecuteSteps(exchange, token);
    }

    /** For a direct tool call: the call is the capability's alone, so its figures go out as they are. */
    static ProgressReporter forDirectCall(McpAsyncServerExchange exchange, Map<String, Object> meta) {
        Object token = token(meta);
        return token == null ? NONE : new Figures(exchange, token);
    }

    private static Object token(Map<String, Object> meta) {
        return meta == null ? null : meta.get("progressToken");
    }

    /** Progress a capability reports while it serves the request; completes once it is queued. */
    Mono<Void> capabilityProgress(double progress, Double total, String message);

    /** The request is answered next; completes once the last note is queued, so it goes out first. */
    Mono<Void> done();

    /** The client asked for no progress. */
    record Unasked() implements ProgressReporter {
        @Override
        public Mono<Void> capabilityProgress(double progress, Double total, String message) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> done() {
            return Mono.empty();
        }
    }

    /**
     * An execute call's progress: on start, on each heartbeat of a long run, for each capability report and
     * when done. Progress is a step count so it always increases, as MCP requires; the total is unknown.
     */
    final class ExecuteSteps implements ProgressReporter {
        private final McpAsyncServerExchange exchange;
        private final Object token;
        private final AtomicInteger step = new AtomicInteger();

        ExecuteSteps(McpAsyncServerExchange exchange, Object token) {
            this.exchange = exchange;
            this.token = token;
        }

        @Override
        public void started() {
            send("running").subscribe();
        }

        @Override
        public void heartbeat(Duration elapsed) {
            send("still running after " + elapsed.toSeconds() + " s").subscribe();
        }

        /** A further step, so progress keeps increasing, with the capability's own figures in the message. */
        @Override
        public Mono<Void> capabilityProgress(double progress, Double total, String message) {
            String figures = total == null ? format(progress) : format(progress) + "/" + format(total);
            return send(message == null ? figures : figures + ": " + message);
        }

        @Override
        public Mono<Void> done() {
            return send("done");
        }

        private static String format(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }

        private Mono<Void> send(String message) {
            return exchange.progressNotification(new ProgressNotification(token, step.getAndIncrement(), null, message))
                    .onErrorComplete();
        }
    }

    /** A direct call's progress: the capability's own figures on the request's token. */
    record Figures(McpAsyncServerExchange exchange, Object token) implements ProgressReporter {
        @Override
        public Mono<Void> capabilityProgress(double progress, Double total, String message) {
            return exchange.progressNotification(new ProgressNotification(token, progress, total, message)).onErrorComplete();
        }

        @Override
        public Mono<Void> done() {
            return Mono.empty();
        }
    }
}
