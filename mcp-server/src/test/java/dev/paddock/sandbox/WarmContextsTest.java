package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** New isolates and resets take contexts made ahead of need, each fresh, and the pool refills itself. */
class WarmContextsTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startWithTwoWarmContexts() {
        sandbox = Sandbox.start(Limits.DEFAULTS, Capacity.defaults().withWarmContexts(2));
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    @Test
    void aNewIsolatesFirstExecutionTakesAWarmContextAndThePoolRefills() {
        WarmContexts warm = sandbox.warmContexts();
        eventually(() -> warm.ready() == 2);
        long taken = warm.taken();

        try (Isolate isolate = sandbox.newIsolate()) {
            assertThat(value(run(isolate, "1 + 1")).asInt()).isEqualTo(2);
            assertThat(warm.taken()).isEqualTo(taken + 1);
            eventually(() -> warm.ready() == 2);
            // Later executions keep the context they have.
            run(isolate, "2");
            assertThat(warm.taken()).isEqualTo(taken + 1);
        }
    }

    @Test
    void aResetTakesAWarmContext() {
        WarmContexts warm = sandbox.warmContexts();
        try (Isolate isolate = sandbox.newIsolate()) {
            run(isolate, "globalThis.kept = 1");
            eventually(() -> warm.ready() == 2);
            long taken = warm.taken();

            ExecutionResult r = await(isolate.submit(new ExecutionRequest("typeof kept", Optional.empty(), true), ExecutionListener.NONE));

            assertThat(value(r).asString()).isEqualTo("undefined");
            assertThat(warm.taken()).isEqualTo(taken + 1);
        }
    }

    @Test
    void noStateCrossesIsolatesThroughThePool() {
        String poisonAndReport = """
                const seen = [typeof globalThis.marker, ({}).leaked, typeof console.log, Array.prototype.map.name];
                globalThis.marker = 1;
                Object.prototype.leaked = 'from an earlier session';
                console.log = () => {};
                Array.prototype.map = function stolen() {};
                seen""";
        for (int i = 0; i < 5; i++) {
            try (Isolate isolate = sandbox.newIsolate()) {
                assertThat(value(run(isolate, poisonAndReport)).toString()).isEqualTo("[\"undefined\",null,\"function\",\"map\"]");
            }
        }
    }

    @Test
    void aTakenContextServesItsOwnSessionsGrants() throws Exception {
        var probe = new SandboxTestSupport.Probe();
        eventually(() -> sandbox.warmContexts().ready() == 2);
        try (Isolate granted = sandbox.newIsolate(probe); Isolate other = sandbox.newIsolate()) {
            assertThat(value(run(other, "typeof probe")).asString()).isEqualTo("undefined");
            run(granted, "await probe.reached({})");
            probe.awaitReached();
            assertThat(run(granted, "console.log('mine')").logs()).extracting(LogEntry::message).containsExactly("mine");
            assertThat(run(other, "console.log('theirs')").logs()).extracting(LogEntry::message).containsExactly("theirs");
        }
    }

    @Test
    void withoutAPoolEachIsolateBuildsItsOwnContext() {
        try (Sandbox none = Sandbox.start(Limits.DEFAULTS, Capacity.defaults().withWarmContexts(0));
                Isolate isolate = none.newIsolate()) {
            assertThat(value(run(isolate, "globalThis.n = 41; n + 1")).asInt()).isEqualTo(42);
            assertThat(value(await(isolate.submit(new ExecutionRequest("typeof n", Optional.empty(), true), ExecutionListener.NONE)))
                    .asString()).isEqualTo("undefined");
            assertThat(none.warmContexts().taken()).isZero();
            assertThat(none.warmContexts().ready()).isZero();
        }
    }

    @Test
    void closingTheSandboxClosesTheWaitingContexts() {
        Sandbox own = Sandbox.start(Limits.DEFAULTS, Capacity.defaults().withWarmContexts(3));
        eventually(() -> own.warmContexts().ready() == 3);
        List<Context> waiting = own.warmContexts().waiting();

        own.close();

        assertThat(own.warmContexts().ready()).isZero();
        for (Context c : waiting) assertThatThrownBy(() -> c.eval("js", "1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCapacityRefusesAPoolOutOfRange() {
        assertThatThrownBy(() -> Capacity.defaults().withWarmContexts(-1)).hasMessage("warmContexts must be between 0 and 64");
        assertThatThrownBy(() -> Capacity.defaults().withWarmContexts(65)).hasMessage("warmContexts must be between 0 and 64");
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 60 s");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
