package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Host work completing on other threads continues on the isolate's own loop, as capabilities will. */
class EventLoopTest {

    @Test
    void pendingHostWorkKeepsTheLoopAliveAndItsCompletionRunsOnTheLoopThread() throws Exception {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            CountDownLatch started = new CountDownLatch(1);
            // The short timer keeps the loop busy until the host work below is registered.
            Execution execution = isolate.submit(ExecutionRequest.of(
                    "const v = await new Promise(r => { globalThis.resolveFromHost = r; setTimeout(() => {}, 200) }); v + 1"),
                    new ExecutionListener() {
                        @Override
                        public void started() {
                            started.countDown();
                        }
                    });
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            ExecutionRun run = execution.run();
            ExecutionRun.HostWork work = run.beginHostWork();
            Thread.sleep(400); // past the timer: only the host work is pending now
            String[] loopThread = new String[1];
            work.complete(() -> {
                loopThread[0] = Thread.currentThread().getName();
                Value resolve = isolate.context().getBindings("js").getMember("resolveFromHost");
                resolve.execute(41);
            });
            ExecutionResult r = await(execution);
            assertThat(r.error()).isNull();
            assertThat(r.result().asInt()).isEqualTo(42);
            assertThat(loopThread[0]).startsWith("paddock-exec-");
        }
    }
}
