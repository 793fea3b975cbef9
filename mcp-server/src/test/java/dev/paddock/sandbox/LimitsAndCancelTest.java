package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import dev.paddock.sandbox.SandboxTestSupport.Probe;
import org.junit.jupiter.api.Test;

/** Runaway code is stopped by its limits or a cancel, and the isolate goes on working with its globals. */
class LimitsAndCancelTest {

    @Test
    void anEndlessLoopHitsTheRequestedTimeoutAndTheIsolateKeepsItsGlobals() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            run(isolate, "globalThis.kept = 'yes'");
            long start = System.nanoTime();
            ExecutionResult r = run(isolate, "let i = 0;\nwhile (true) { i++ }", Duration.ofMillis(500));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(error(r).kind()).isEqualTo("wall-time");
            assertThat(error(r).message()).isEqualTo("execution exceeded the 500 ms wall-time limit");
            assertThat(error(r).isolateReset()).isFalse();
            assertThat(millis).isLessThan(1500);
            assertThat(value(run(isolate, "kept")).asString()).isEqualTo("yes");
        }
    }

    @Test
    void aRequestCannotRaiseTheWallTimeLimit() {
        ExecutionRequest request = new ExecutionRequest("1", Optional.of(Duration.ofHours(1)), false);
        assertThat(ExecutionRun.wallLimit(request, SANDBOX.limits())).isEqualTo(Limits.DEFAULTS.wallTime());
    }

    @Test
    void cpuTimeLimitStopsBusyCode() {
        Limits limits = new Limits(Duration.ofSeconds(30), Duration.ofMillis(300), 1 << 20, 1 << 16, 100);
        try (Sandbox sandbox = Sandbox.startCold(limits, 1); Isolate isolate = sandbox.newIsolate()) {
            ExecutionResult r = run(isolate, "while (true) {}");
            assertThat(error(r).kind()).isEqualTo("cpu-time");
            assertThat(error(r).message()).isEqualTo("execution exceeded the 300 ms CPU-time limit");
            assertThat(value(run(isolate, "2")).asInt()).isEqualTo(2);
        }
    }

    @Test
    void cancelStopsRunningCodeQuickly() throws Exception {
        Probe probe = new Probe();
        try (Isolate isolate = SANDBOX.newIsolate(probe)) {
            Execution execution = isolate.submit(
                    ExecutionRequest.of("globalThis.g = 1; await probe.reached(); while (true) {}"), ExecutionListener.NONE);
            probe.awaitReached();
            long start = System.nanoTime();
            execution.cancel();
            ExecutionResult r = await(execution);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(error(r).kind()).isEqualTo("cancelled");
            assertThat(millis).isLessThan(200); // the bound is 50 ms; margin for a noisy 2-core machine
            assertThat(value(run(isolate, "g + 1")).asInt()).isEqualTo(2);
        }
    }

    @Test
    void cancelOfAQueuedExecutionNeverRunsIt() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            Execution first = isolate.submit(new ExecutionRequest("while (true) {}", Optional.of(Duration.ofMillis(300)), false),
                    ExecutionListener.NONE);
            Execution second = isolate.submit(ExecutionRequest.of("globalThis.ran = true"), ExecutionListener.NONE);
            second.cancel();
            assertThat(error(await(second)).kind()).isEqualTo("cancelled");
            assertThat(error(await(first)).kind()).isEqualTo("wall-time");
            assertThat(value(run(isolate, "typeof ran")).asString()).isEqualTo("undefined");
        }
    }

    @Test
    void aPromiseThatCanNeverSettleFailsAtOnce() {
        ExecutionResult r = run("await new Promise(() => {})");
        assertThat(error(r).message()).startsWith("the code's promise never settled");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void closingTheIsolateStopsItsCode() {
        Isolate isolate = SANDBOX.newIsolate();
        Execution running = isolate.submit(ExecutionRequest.of("while (true) {}"), ExecutionListener.NONE);
        Execution queued = isolate.submit(ExecutionRequest.of("1"), ExecutionListener.NONE);
        isolate.close();
        assertThat(error(await(running)).kind()).isEqualTo("cancelled");
        assertThat(error(await(queued)).kind()).isEqualTo("cancelled");
        assertThat(error(await(isolate.submit(ExecutionRequest.of("1"), ExecutionListener.NONE))).kind()).isEqualTo("cancelled");
    }
}
