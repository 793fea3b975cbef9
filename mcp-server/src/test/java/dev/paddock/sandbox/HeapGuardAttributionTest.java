package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Under heap pressure the heap guard blames the execution that grew the heap, even when that execution is
 * already being stopped (for wall time, say) and keeps running because it ignores interrupts: idle isolates
 * of other sessions are not evicted for its memory. Real collections; the threshold is 48 MiB above the
 * heap in use before, and the execution keeps 96 MiB.
 */
class HeapGuardAttributionTest {

    private static final int MIB = 1 << 20;

    @Test
    void aStoppedExecutionThatStillGrowsTheHeapCostsNoIdleIsolate() throws InterruptedException {
        assertThat(evictionsWhileGrowing(true)).isZero();
    }

    /** The control: with no execution running, the same pressure evicts the heaviest idle isolate. */
    @Test
    void withNoExecutionToBlameTheHeaviestIdleIsolateIsEvicted() throws InterruptedException {
        assertThat(evictionsWhileGrowing(false)).isPositive();
    }

    private static int evictionsWhileGrowing(boolean running) throws InterruptedException {
        Thread self = Thread.currentThread();
        AtomicInteger evictions = new AtomicInteger();
        System.gc();
        long threshold = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + 48 * MIB;
        try (HeapGuard guard = new HeapGuard(() -> threshold, minimum -> {
            evictions.incrementAndGet();
            return false;
        }, () -> Watchdog.allocatedBytes(self))) {
            StopSignal stop = new StopSignal(() -> {});
            MemoryAccount account = guard.open(() -> Watchdog.allocatedBytes(self), Long.MAX_VALUE, stop);
            stop.request(StopReason.WALL_TIME);
            if (!running) guard.close(account);
            List<long[]> kept = new ArrayList<>();
            for (int i = 0; i < 96; i++) kept.add(new long[MIB / 8]);
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            assertThat(kept).hasSize(96);
            guard.close(account);
        }
        return evictions.get();
    }
}
