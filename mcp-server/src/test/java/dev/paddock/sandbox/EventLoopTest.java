package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.sandbox.SandboxTestSupport.Probe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Host work completing on other threads continues on the isolate's own loop, as capabilities do. */
class EventLoopTest {

    @Test
    void pendingHostWorkKeepsTheLoopAliveAndItsCompletionRunsOnTheLoopThread() throws Exception {
        Probe probe = new Probe();
        try (Isolate isolate = SANDBOX.newIsolate(probe)) {
            // Begun before any code runs: no timer, only this host work can settle the promise below.
            CompletableFuture<EventLoop.HostWork> work = new CompletableFuture<>();
            CompletableFuture<Execution> submitted = new CompletableFuture<>();
            Execution execution = isolate.submit(ExecutionRequest.of(
                    "const v = await new Promise(r => { globalThis.resolveFromHost = r; probe.reached() }); v + 1"),
                    new ExecutionListener() {
                        @Override
                        public void started() {
                            work.complete(submitted.join().run().loop().beginHostWork());
                        }
                    });
            submitted.complete(execution);
            probe.awaitReached();
            // Nothing signals that the loop went idle: it gives its thread back, visible as no thread running
            // the execution. A loop that ignored the host work would have ended with "never settled".
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (execution.run().thread() != null && !execution.result().isDone() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            assertThat(execution.result()).as("ended while host work was pending").isNotDone();

            String[] loopThread = new String[1];
            work.get(60, TimeUnit.SECONDS).complete(() -> {
                loopThread[0] = Thread.currentThread().getName();
                Value resolve = isolate.context().getBindings("js").getMember("resolveFromHost");
                resolve.execute(41);
            });
            ExecutionResult r = await(execution);
            assertThat(r).isInstanceOf(ExecutionResult.Succeeded.class);
            assertThat(value(r).asInt()).isEqualTo(42);
            assertThat(loopThread[0]).startsWith("paddock-exec-");
        }
    }
}
