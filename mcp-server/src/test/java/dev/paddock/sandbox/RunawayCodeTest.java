package dev.paddock.sandbox;

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
        assertThat(run(isolate, "kept").result().asString()).as("globals after: " + r.error()).isEqualTo("yes");
        return r;
    }

    @Test
    void deepRecursionIsACatchableRangeError() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "function f(n) { return f(n + 1) + 1 }\nf(0)", Duration.ofSeconds(10));
            assertThat(r.error().kind()).isEqualTo("runtime");
            assertThat(r.error().name()).isEqualTo("RangeError");
            assertThat(r.error().message()).containsIgnoringCase("call stack");
            ExecutionResult caught = run(isolate, "function g() { g() }\ntry { g() } catch (e) { return e.name }");
            assertThat(caught.result().asString()).isEqualTo("RangeError");
        }
    }

    @Test
    void aGiganticStringIsARangeError() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "'x'.repeat(2 ** 30)", Duration.ofSeconds(10));
            assertThat(r.error().name()).isEqualTo("RangeError");
            assertThat(r.error().message()).containsIgnoringCase("string length");
        }
    }

    @Test
    void aGiganticArrayFillIsStoppedByALimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            run(isolate, "globalThis.kept = 'yes'");
            ExecutionResult r = run(isolate, "new Array(2 ** 32 - 1).fill(0)", Duration.ofSeconds(3));
            System.out.println("array fill: " + r.error());
            assertThat(r.error()).isNotNull();
            assertThat(r.error().kind()).isIn("wall-time", "memory", "runtime");
            // The retained-memory limit resets the isolate (what it kept may sit in globals); the others do not.
            assertThat(run(isolate, "typeof kept").result().asString())
                    .isEqualTo(r.error().isolateReset() ? "undefined" : "string");
        }
    }

    @Test
    void aGiganticTypedArrayIsRefused() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "new Float64Array(2 ** 31 - 9).length", Duration.ofSeconds(10));
            System.out.println("typed array: " + r.error());
            assertThat(r.error()).isNotNull();
            assertThat(r.error().kind()).isIn("memory", "runtime");
        }
    }

    @Test
    void aCatastrophicRegexEndsQuickly() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            long start = System.nanoTime();
            ExecutionResult r = runKeeping(isolate, "/(a+)+$/.test('a'.repeat(40) + '!')", Duration.ofSeconds(2));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("regex: " + millis + " ms, " + (r.error() == null ? r.result() : r.error()));
            // TRegex matches this without backtracking (false at once); if not, the wall-time limit stops it.
            if (r.error() == null) assertThat(r.result().asBoolean()).isFalse();
            else assertThat(r.error().kind()).isEqualTo("wall-time");
        }
    }

    @Test
    void aMicrotaskFloodIsStoppedByTheWallTimeLimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "function f() { Promise.resolve().then(f) }\nf()\nawait new Promise(() => {})",
                    Duration.ofMillis(500));
            assertThat(r.error().kind()).isEqualTo("wall-time");
            assertThat(r.error().message()).isEqualTo("execution exceeded the 500 ms wall-time limit");
        }
    }

    @Test
    void giganticConsoleOutputIsCutToTheLogLimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate,
                    "const line = 'y'.repeat(1e5); for (let i = 0; i < 1e4; i++) console.log(line); 'done'", Duration.ofSeconds(20));
            assertThat(r.result().asString()).isEqualTo("done");
            assertThat(r.truncated()).isTrue();
            assertThat(r.logs().getLast().message()).contains("dropped: log limit");
        }
    }

    @Test
    void aPromiseThatCanNeverSettleFailsAtOnce() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "await new Promise(() => {})", Duration.ofSeconds(10));
            assertThat(r.error().message()).startsWith("the code's promise never settled");
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aPromiseWaitingOnAFarTimerEndsAtTheDeadline() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = runKeeping(isolate, "await new Promise(r => setTimeout(r, 1e9))", Duration.ofMillis(300));
            assertThat(r.error().kind()).isEqualTo("wall-time");
        }
    }

    @Test
    void thereIsNoSharedMemorySoAtomicsWaitCannotBlock() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            assertThat(run(isolate, "typeof SharedArrayBuffer").result().asString()).isEqualTo("undefined");
            ExecutionResult r = runKeeping(isolate, "Atomics.wait(new Int32Array(4), 0, 0)", Duration.ofSeconds(5));
            assertThat(r.error().name()).isEqualTo("TypeError");
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void thereIsNoWebAssembly() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            assertThat(run(isolate, "typeof WebAssembly").result().asString()).isEqualTo("undefined");
        }
    }
}
