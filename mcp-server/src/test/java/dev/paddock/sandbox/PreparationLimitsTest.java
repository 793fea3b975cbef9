package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Preparing the code (parsing, transpiling TypeScript) is part of the execution: its limits hold, cancel
 * reaches it, and one session's transpile never makes another session wait.
 */
class PreparationLimitsTest {

    /** TypeScript that takes the compiler many seconds (about 12 s for 250 KB, interpreted). */
    private static String largeTypeScript(int kilobytes) {
        StringBuilder ts = new StringBuilder();
        for (int i = 0; ts.length() < kilobytes * 1024; i++) {
            ts.append("function f").append(i).append("(a: number, b: string): number { const x: Array<number> = [a, b.length]; ")
                    .append("return x[0] + x[1]; }\n");
        }
        return ts.append("f0(1, 'ab')\n").toString();
    }

    private static Execution submit(Isolate isolate, String code, Duration timeout) {
        return isolate.submit(new ExecutionRequest(code, Optional.of(timeout), false), ExecutionListener.NONE);
    }

    @Test
    void transpilingCountsAgainstTheWallTimeLimitAndTheIsolateKeepsItsGlobals() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            run(isolate, "globalThis.kept = 'yes'");
            ExecutionResult r = run(isolate, largeTypeScript(250), Duration.ofMillis(1000));
            assertThat(error(r).kind()).isEqualTo("wall-time");
            assertThat(error(r).message()).isEqualTo("execution exceeded the 1000 ms wall-time limit");
            assertThat(error(r).isolateReset()).isFalse();
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(5));
            assertThat(value(run(isolate, "kept")).asString()).isEqualTo("yes");
            // The interrupted compiler still works for the next TypeScript.
            assertThat(value(run(isolate, "const n: number = 41; n + 1")).asInt()).isEqualTo(42);
        }
    }

    @Test
    void cancelReachesTheCompiler() {
        try (Isolate isolate = SANDBOX.newIsolate(); Isolate other = SANDBOX.newIsolate()) {
            Execution transpiling = submit(isolate, largeTypeScript(250), Duration.ofSeconds(30));
            // Another session's TypeScript meanwhile: the compilers are loaded, and the large one is at work.
            assertThat(value(run(other, "const t: string = 'ready'; t")).asString()).isEqualTo("ready");
            long start = System.nanoTime();
            transpiling.cancel();
            ExecutionResult r = await(transpiling);
            assertThat(error(r).kind()).isEqualTo("cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    /**
     * The repro: more large TypeScript calls with a 1 s timeout than there are threads. Each ends at
     * its limit, so the bystanders queued behind them answer within a few seconds (not after minutes).
     */
    @Test
    void bystandersAnswerWhileLargeTranspilesRunIntoTheirLimits() {
        List<Isolate> isolates = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 3)) {
            String code = largeTypeScript(250);
            List<Execution> transpiling = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Isolate attacker = sandbox.newIsolate();
                isolates.add(attacker);
                transpiling.add(submit(attacker, code, Duration.ofMillis(1000)));
            }
            Isolate plain = sandbox.newIsolate();
            Isolate typed = sandbox.newIsolate();
            isolates.add(plain);
            isolates.add(typed);
            long start = System.nanoTime();
            Execution one = plain.submit(ExecutionRequest.of("return 1"), ExecutionListener.NONE);
            Execution two = typed.submit(ExecutionRequest.of("const two: number = 2; two"), ExecutionListener.NONE);
            assertThat(value(await(one)).asInt()).isEqualTo(1);
            assertThat(value(await(two)).asInt()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
            for (Execution e : transpiling) {
                ExecutionResult r = await(e);
                assertThat(error(r).kind()).isEqualTo("wall-time");
                assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(4));
            }
        } finally {
            isolates.forEach(Isolate::close);
        }
    }

    @Test
    void codeOverTheSizeLimitIsRefusedBeforeItIsParsed() {
        Limits limits = Limits.DEFAULTS.withMaxCodeBytes(4096);
        try (Sandbox sandbox = Sandbox.startCold(limits, 1); Isolate isolate = sandbox.newIsolate()) {
            // 2,100 characters, but 4,216 UTF-8 bytes: the limit counts bytes.
            String code = "return '" + "é".repeat(2100) + "'.length";
            ExecutionResult r = run(isolate, code);
            assertThat(error(r).kind()).isEqualTo("code-size");
            assertThat(error(r).name()).isEqualTo("CodeSizeLimitExceeded");
            assertThat(error(r).message()).startsWith("the code is 4216 bytes, over the 4096-byte code-size limit")
                    .contains("limits.maxCodeBytes");
            assertThat(value(run(isolate, "return '" + "é".repeat(2000) + "'.length")).asInt()).isEqualTo(2000);
            assertThat(AgentCode.utf8Bytes("a\u00e9\u20ac\ud83d\ude00")).isEqualTo(1 + 2 + 3 + 4);
        }
    }
}
