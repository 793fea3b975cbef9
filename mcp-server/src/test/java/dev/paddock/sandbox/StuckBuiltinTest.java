package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A built-in that takes neither the interrupt nor the forced close (docs/containment.md, "Not covered"):
 * its caller is still answered soon after its limit, and with one execution thread, stuck in the
 * built-in, the watchdog and the other sessions go on as if it were not there.
 */
class StuckBuiltinTest {

    /** One thread, so that the stuck one would hold up everyone if the pool did not replace it. */
    private static final Sandbox ONE_THREAD = Sandbox.start(Limits.DEFAULTS, 1);
    /** Converts a 30-million-bit BigInt to decimal: one BigInteger call of 10–20 s here, which GraalJS cannot cancel. */
    private static final String STUCK = "const b = BigInt.asUintN(2**20, -1n) << BigInt(3e7); return `${b}`.length";
    private static final Duration LIMIT = Duration.ofSeconds(1);

    @AfterAll
    static void close() {
        ONE_THREAD.close();
    }

    @Test
    void answersSoonAfterItsLimitAndNobodyWaitsForIt() {
        try (Isolate stuck = ONE_THREAD.newIsolate(); Isolate other = ONE_THREAD.newIsolate()) {
            run(stuck, "globalThis.kept = 1");
            long start = System.nanoTime();
            ExecutionResult result = await(stuck.submit(new ExecutionRequest(STUCK, Optional.of(LIMIT), false), ExecutionListener.NONE));
            long answeredMillis = millisSince(start);

            // Limit, a second of interrupts, a second for the close: then the caller hears, reset.
            assertThat(answeredMillis).as("%s", result).isLessThan(5_000);
            assertThat(error(result).kind()).as("%s", result).isEqualTo("wall-time");
            assertThat(error(result).isolateReset()).as("%s", result).isTrue();
            assertThat(error(result).message()).contains("its globals were lost");

            // The built-in still holds the pool's only thread: the others run on its replacement, and the
            // watchdog, not blocked by the close, stops an endless loop at its limit.
            long loopStart = System.nanoTime();
            ExecutionResult loop = run(other, "while (true) {}", LIMIT);
            assertThat(error(loop).kind()).as("%s", loop).isEqualTo("wall-time");
            assertThat(error(loop).isolateReset()).as("%s", loop).isFalse();
            assertThat(millisSince(loopStart)).isLessThan(3_000);
            assertThat(value(run(other, "return 1")).asInt()).isEqualTo(1);

            // The stuck session itself goes on, in a new context.
            assertThat(value(run(stuck, "return typeof kept")).asString()).isEqualTo("undefined");
            assertThat(value(run(stuck, "return [1, 2, 3].slice(1).indexOf(3)")).asInt()).isEqualTo(1);
            System.out.printf("stuck built-in answered after %d ms; the others were done %d ms after it%n",
                    answeredMillis, millisSince(start) - answeredMillis);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
