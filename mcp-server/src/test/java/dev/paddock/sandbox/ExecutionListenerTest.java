package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listeners hear that code started, and that long runs are still going (for MCP progress). */
class ExecutionListenerTest {

    @Test
    void startedOnceAndHeartbeatsDuringLongRuns() {
        List<String> heard = new CopyOnWriteArrayList<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void started() {
                heard.add("started");
            }

            @Override
            public void heartbeat(Duration elapsed) {
                heard.add("heartbeat " + (elapsed.toMillis() >= Watchdog.HEARTBEAT.toMillis()));
            }
        };
        try (Isolate isolate = SANDBOX.newIsolate()) {
            await(isolate.submit(ExecutionRequest.of("1"), listener));
            assertThat(heard).containsExactly("started");
            heard.clear();
            long wait = Watchdog.HEARTBEAT.toMillis() + 500;
            await(isolate.submit(ExecutionRequest.of("await new Promise(r => setTimeout(r, " + wait + "))"), listener));
            assertThat(heard).startsWith("started", "heartbeat true");
        }
    }
}
