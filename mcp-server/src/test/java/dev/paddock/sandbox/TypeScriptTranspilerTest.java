package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool of compilers executions borrow from: each lease is one execution's, and a lost compiler is replaced. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TypeScriptTranspilerTest {

    private static final String TYPED = "const a: number = 1";

    @Test
    void aDiscardedCompilerIsReplacedByANewOne() {
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1)) {
            TypeScriptTranspiler pool = sandbox.typeScript();
            StopSignal never = new StopSignal(() -> {});
            try (TypeScriptTranspiler.Lease lease = pool.borrow(never)) {
                assertThat(lease.transpile(TYPED).code()).startsWith("const a = 1;");
                // What the watchdog does to a transpile that ignores interrupts.
                lease.discard();
                assertThatThrownBy(() -> lease.transpile(TYPED)).isInstanceOf(RuntimeException.class);
            }
            // The pool holds one compiler at most: this waits for a fresh one instead of the closed one.
            try (TypeScriptTranspiler.Lease lease = pool.borrow(never)) {
                assertThat(lease.transpile(TYPED).code()).startsWith("const a = 1;");
            }
        }
    }

    @Test
    void aBorrowerThatIsStoppedGetsNoCompiler() {
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1)) {
            TypeScriptTranspiler pool = sandbox.typeScript();
            StopSignal stopped = new StopSignal(() -> {});
            stopped.request(StopReason.WALL_TIME);
            assertThat(pool.borrow(stopped)).isNull();
        }
    }

    @Test
    void aLeaseGivenBackIsNoLongerInterruptedOrClosedThroughIt() throws Exception {
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1)) {
            TypeScriptTranspiler pool = sandbox.typeScript();
            StopSignal never = new StopSignal(() -> {});
            TypeScriptTranspiler.Lease first = pool.borrow(never);
            first.close();
            // A watchdog that lags acts on the old lease: the compiler, lent again, must not feel it.
            try (TypeScriptTranspiler.Lease second = pool.borrow(never)) {
                first.interrupt(Duration.ofMillis(20));
                first.discard();
                assertThat(second.transpile(TYPED).code()).startsWith("const a = 1;");
            }
        }
    }
}
