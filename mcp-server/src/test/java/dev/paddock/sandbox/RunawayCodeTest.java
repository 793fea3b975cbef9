package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each kind of runaway code in docs/containment.md ends with a clear error, and the isolate keeps its
 * globals unless the table says it is reset.
 */
class RunawayCodeTest {

    private static ExecutionResult runKeeping(Isolate isolate, String code, Duration timeout) {
        run(isolate, "globalThis.kept = 'yes'");
        ExecutionResult r = run(isolate, code, timeout);
        assertThat(value(run(isolate, "kept")).asString()).as("globals after: " + r).isEqualTo("yes");
        return r;
    }

    @Test
    void deepRecursionIsACatchableRangeError() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "function f(n) { return f(n + 1) + 1 }\nf(0)", Duration.ofSeconds(10));
            assertThat(error(r).kind()).isEqualTo("runtime");
            assertThat(error(r).name()).isEqualTo("RangeError");
            assertThat(error(r).message()).containsIgnoringCase("call stack");
            ExecutionResult caught = run(isolate, "function g() { g() }\ntry { g() } catch (e) { return e.name }");
            assertThat(value(caught).asString()).isEqualTo("RangeError");
        }
    }

    @Test
    void aGiganticStringIsARangeError() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "'x'.repeat(2 ** 30)", Duration.ofSeconds(10));
            assertThat(error(r).name()).isEqualTo("RangeError");
            assertThat(error(r).message()).containsIgnoringCase("string length");
        }
    }

    @Test
    void aGiganticArrayFillIsStoppedByALimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            run(isolate, "globalThis.kept = 'yes'");
            ExecutionResult r = run(isolate, "new Array(2 ** 32 - 1).fill(0)", Duration.ofSeconds(3));
            System.out.println("array fill: " + r);
            assertThat(r).isInstanceOf(ExecutionResult.Failed.class);
            assertThat(error(r).kind()).isIn("wall-time", "memory", "runtime");
            // The retained-memory limit resets the isolate (what it kept may sit in globals); the others do not.
            assertThat(value(run(isolate, "typeof kept")).asString())
                    .isEqualTo(error(r).isolateReset() ? "undefined" : "string");
        }
    }

    @Test
    void aGiganticTypedArrayIsRefused() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "new Float64Array(2 ** 31 - 9).length", Duration.ofSeconds(10));
            System.out.println("typed array: " + r);
            assertThat(r).isInstanceOf(ExecutionResult.Failed.class);
            assertThat(error(r).kind()).isIn("memory", "runtime");
        }
    }

    @Test
    void aCatastrophicRegexEndsQuickly() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            long start = System.nanoTime();
            ExecutionResult r = runKeeping(isolate, "/(a+)+$/.test('a'.repeat(40) + '!')", Duration.ofSeconds(2));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("regex: " + millis + " ms, " + r);
            // TRegex matches this without backtracking (false at once); if not, the wall-time limit stops it.
            switch (r) {
                case ExecutionResult.Succeeded ok -> assertThat(ok.value().asBoolean()).isFalse();
                case ExecutionResult.Failed failed -> assertThat(failed.error().kind()).isEqualTo("wall-time");
            }
        }
    }

    @Test
    void aMicrotaskFloodIsStoppedByTheWallTimeLimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "function f() { Promise.resolve().then(f) }\nf()\nawait new Promise(() => {})",
                    Duration.ofMillis(500));
            assertThat(error(r).kind()).isEqualTo("wall-time");
            assertThat(error(r).message()).isEqualTo("execution exceeded the 500 ms wall-time limit");
        }
    }

    @Test
    void giganticConsoleOutputIsCutToTheLogLimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate,
                    "const line = 'y'.repeat(1e5); for (let i = 0; i < 1e4; i++) console.log(line); 'done'", Duration.ofSeconds(20));
            assertThat(value(r).asString()).isEqualTo("done");
            assertThat(r.truncated()).isTrue();
            assertThat(r.logs().getLast().message()).contains("dropped: log limit");
        }
    }

    @Test
    void aPromiseThatCanNeverSettleFailsAtOnce() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "await new Promise(() => {})", Duration.ofSeconds(10));
            assertThat(error(r).message()).startsWith("the code's promise never settled");
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aPromiseWaitingOnAFarTimerEndsAtTheDeadline() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "await new Promise(r => setTimeout(r, 1e9))", Duration.ofMillis(300));
            assertThat(error(r).kind()).isEqualTo("wall-time");
        }
    }

    @Test
    void thereIsNoSharedMemorySoAtomicsWaitCannotBlock() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            assertThat(value(run(isolate, "typeof SharedArrayBuffer")).asString()).isEqualTo("undefined");
            ExecutionResult r = runKeeping(isolate, "Atomics.wait(new Int32Array(4), 0, 0)", Duration.ofSeconds(5));
            assertThat(error(r).name()).isEqualTo("TypeError");
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void thereIsNoWebAssembly() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            assertThat(value(run(isolate, "typeof WebAssembly")).asString()).isEqualTo("undefined");
        }
    }
}
