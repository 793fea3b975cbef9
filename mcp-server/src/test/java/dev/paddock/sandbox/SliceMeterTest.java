package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An execution that moved threads is charged what each of its slices allocated, on whichever thread it ran. */
class SliceMeterTest {

    private static volatile byte[] sink;

    @Test
    void slicesOnDifferentThreadsAddUpAndTheRunningOneCountsAsItGoes() throws Exception {
        SliceMeter meter = new SliceMeter();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread first = Thread.ofPlatform().start(() -> {
            meter.enter();
            sink = new byte[8 << 20];
            allocated.countDown();
            await(read);
            meter.leave();
        });
        await(allocated);
        assertThat(meter.thread()).isSameAs(first);
        assertThat(meter.allocatedBytes()).isGreaterThanOrEqualTo(8L << 20);
        read.countDown();
        first.join();
        assertThat(meter.thread()).isNull();

        Thread second = Thread.ofPlatform().start(() -> {
            meter.enter();
            sink = new byte[8 << 20];
            meter.leave();
        });
        second.join();
        // Neither thread's own counter says so: each allocated 8 MiB.
        assertThat(meter.allocatedBytes()).isGreaterThanOrEqualTo(16L << 20);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) throw new AssertionError("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
