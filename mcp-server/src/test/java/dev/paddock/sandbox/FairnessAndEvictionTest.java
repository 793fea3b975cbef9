package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sessions take turns on the pool, and the isolate cap evicts the longest-idle isolate with a notice. */
class FairnessAndEvictionTest {

    private static final String BUSY_20_MS = "const end = Date.now() + 20; while (Date.now() < end) {} 1";

    @Test
    void aSessionWithFiftyQueuedExecutionsDelaysAnotherByAtMostOneTurn() {
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1);
                Isolate busy = sandbox.newIsolate();
                Isolate other = sandbox.newIsolate()) {
            run(busy, "0");
            run(other, "0");
            AtomicInteger busyDone = new AtomicInteger();
            List<Execution> flood = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Execution e = busy.submit(ExecutionRequest.of(BUSY_20_MS), ExecutionListener.NONE);
                e.result().thenRun(busyDone::incrementAndGet);
                flood.add(e);
            }
            ExecutionResult single = await(other.submit(ExecutionRequest.of("'mine'"), ExecutionListener.NONE));
            int doneBefore = busyDone.get();
            assertThat(value(single).asString()).isEqualTo("mine");
            // One pool thread: the busy session's running execution, then the other session's turn.
            assertThat(doneBefore).isLessThanOrEqualTo(2);
            flood.forEach(SandboxTestSupport::await);
            assertThat(busyDone.get()).isEqualTo(50);
        }
    }

    @Test
    void overTheIsolateCapTheLongestIdleIsolateIsEvictedAndToldSoOnItsNextCall() {
        Capacity capacity = Capacity.defaults().withThreads(2).withMaxIsolates(2);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, capacity, () -> Long.MAX_VALUE);
                Isolate oldest = sandbox.newIsolate();
                Isolate middle = sandbox.newIsolate();
                Isolate newest = sandbox.newIsolate()) {
            List<Isolate> evicted = new CopyOnWriteArrayList<>();
            sandbox.onEviction(evicted::add);
            // An isolate is idle before its result is delivered: oldest has been idle longest from here on.
            run(oldest, "globalThis.kept = 'oldest'");
            run(middle, "globalThis.kept = 'middle'");
            run(newest, "globalThis.kept = 'newest'");

            assertThat(evicted).containsExactly(oldest);
            assertThat(sandbox.liveIsolates()).isEqualTo(2);
            assertThat(value(run(middle, "kept")).asString()).isEqualTo("middle");
            assertThat(run(middle, "kept").logs()).isEmpty();

            ExecutionResult next = run(oldest, "typeof kept");
            assertThat(value(next).asString()).isEqualTo("undefined");
            assertThat(next.logs().getFirst().level()).isEqualTo("warn");
            assertThat(next.logs().getFirst().message()).matches(
                    "this session's isolate was evicted after \\d+ s idle to stay under the 2-isolate cap; its globals and in-memory state were lost");
            // Said once: the call after that has no notice.
            assertThat(run(oldest, "1").logs()).isEmpty();
        }
    }
}
