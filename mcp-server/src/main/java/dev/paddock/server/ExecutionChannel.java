package dev.paddock.server;

import dev.paddock.sandbox.ExecutionListener;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.time.Duration;

/**
 * The way back to the MCP client for one execute call: progress (when the client asked for it) and the
 * exchange that capability calls use for logs, elicitation and sampling.
 */
final class ExecutionChannel implements ExecutionListener {
    private final McpAsyncServerExchange exchange;
    private final ProgressReporter progress;
    private volatile boolean started;

    /** @param progress null when the client sent no progressToken */
    ExecutionChannel(McpAsyncServerExchange exchange, ProgressReporter progress) {
        this.exchange = exchange;
        this.progress = progress;
    }

    McpAsyncServerExchange exchange() {
        return exchange;
    }

    /** Null when the client asked for no progress. */
    ProgressReporter progress() {
        return progress;
    }

    @Override
    public void started() {
        started = true;
        if (progress != null) progress.started();
    }

    /** Whether the code has started running, i.e. left the queue. */
    boolean hasStarted() {
        return started;
    }

    @Override
    public void heartbeat(Duration elapsed) {
        if (progress != null) progress.heartbeat(elapsed);
    }
}
