package dev.paddock.server;

import dev.paddock.sandbox.ExecutionListener;
import java.time.Duration;

/** What one execute call hears of its run: start and heartbeats as progress, and whether it left the queue. */
final class ExecutionChannel implements ExecutionListener {
    private final ProgressReporter progress;
    private volatile boolean started;

    ExecutionChannel(ProgressReporter progress) {
        this.progress = progress;
    }

    @Override
    public void started() {
        started = true;
        progress.started();
    }

    /** Whether the code has started running, i.e. left the queue. */
    boolean hasStarted() {
        return started;
    }

    @Override
    public void heartbeat(Duration elapsed) {
        progress.heartbeat(elapsed);
    }
}
