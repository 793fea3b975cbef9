package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each call is a function; globalThis persists per isolate and is never shared between isolates. */
class IsolationTest {

    @Test
    void globalsPersistWithinAnIsolateButLocalsDoNot() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            run(isolate, "const local = 1; globalThis.counter = 41");
            assertThat(value(run(isolate, "++counter")).asInt()).isEqualTo(42);
            assertThat(value(run(isolate, "typeof local")).asString()).isEqualTo("undefined");
            assertThat(value(run(isolate, "const local = 2; local")).asInt()).isEqualTo(2);
        }
    }

    @Test
    void globalsAreNeverVisibleInAnotherIsolate() {
        try (Isolate a = SANDBOX.newIsolate(); Isolate b = SANDBOX.newIsolate()) {
            run(a, "globalThis.secret = 'a'; console.log = () => {}");
            assertThat(value(run(b, "typeof secret")).asString()).isEqualTo("undefined");
            assertThat(run(b, "console.log('still works')").logs()).extracting(LogEntry::message).containsExactly("still works");
        }
    }

    @Test
    void resetStartsTheIsolateAfresh() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            run(isolate, "globalThis.x = 1");
            ExecutionResult r = await(isolate.submit(new ExecutionRequest("typeof x", Optional.empty(), true), ExecutionListener.NONE));
            assertThat(value(r).asString()).isEqualTo("undefined");
        }
    }

    @Test
    void executionsOfOneIsolateRunInSubmissionOrder() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            List<Execution> executions = new ArrayList<>();
            executions.add(isolate.submit(ExecutionRequest.of("globalThis.log = []"), ExecutionListener.NONE));
            for (int i = 0; i < 5; i++) {
                executions.add(isolate.submit(ExecutionRequest.of(
                        "await new Promise(r => setTimeout(r, " + (5 - i) + ")); log.push(" + i + "); log.length"), ExecutionListener.NONE));
            }
            executions.forEach(SandboxTestSupport::await);
            assertThat(value(run(isolate, "log.join('')")).asString()).isEqualTo("01234");
        }
    }

    @Test
    void isolatesRunConcurrentlyOnThePool() {
        List<Isolate> isolates = new ArrayList<>();
        try {
            List<Execution> executions = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                Isolate isolate = SANDBOX.newIsolate();
                isolates.add(isolate);
                executions.add(isolate.submit(ExecutionRequest.of(
                        "await new Promise(r => setTimeout(r, 1000)); " + i), ExecutionListener.NONE));
            }
            for (int i = 0; i < 4; i++) assertThat(value(await(executions.get(i))).asInt()).isEqualTo(i);
            // Sequential would take 4 s of sleeping; concurrently the sleeps overlap (room left for a busy machine).
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3500);
        } finally {
            isolates.forEach(Isolate::close);
        }
    }
}
