package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that ends its session at once closes the sandbox while the warm-up is still making its first
 * context. GraalJS deadlocked there (engine close against context creation), and its own shutdown hook then
 * kept the JVM from ever exiting; seen in the java -jar end-to-end test.
 */
@Timeout(180)
class CloseDuringWarmUpTest {

    @Test
    void closingRightAfterStartEnds() throws Exception {
        for (long delayMs : new long[] {0, 5, 20, 50, 100, 200}) {
            Sandbox sandbox = Sandbox.start(Limits.DEFAULTS);
            Thread.sleep(delayMs);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(sandbox::close);
            closing.get(30, TimeUnit.SECONDS);
            assertThat(closing).isDone();
        }
    }
}
