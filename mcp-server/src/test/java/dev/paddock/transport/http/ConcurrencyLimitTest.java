package dev.paddock.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leases on their own: one place in the limit per admitted POST, freed once on whichever path ends it. */
class ConcurrencyLimitTest {
    private final ConcurrencyLimit limit = new ConcurrencyLimit(2);

    @Test
    void eachCallerHasItsOwnLimit() {
        assertThat(limit.tryAcquire("a")).isNotNull();
        assertThat(limit.tryAcquire("a")).isNotNull();
        assertThat(limit.tryAcquire("a")).as("a third request of the same token").isNull();
        assertThat(limit.tryAcquire("b")).as("another token").isNotNull();
    }

    @Test
    void aLeaseNoRequestKeepsEndsWithTheExchangeAndOnlyOnce() {
        Lease lease = limit.tryAcquire("a");
        limit.tryAcquire("a");

        lease.exchangeOver();
        lease.exchangeOver();
        lease.end();

        assertThat(limit.tryAcquire("a")).as("the freed place").isNotNull();
        assertThat(limit.tryAcquire("a")).as("freed once, not three times").isNull();
    }

    @Test
    void aRunningRequestKeepsItsLeasePastTheExchangeUntilItIsAnswered() {
        Lease lease = limit.tryAcquire("a");
        limit.tryAcquire("a");
        lease.keepUntilRequestEnds();

        lease.exchangeOver(); // the client hung up; the request runs on
        assertThat(limit.tryAcquire("a")).isNull();

        lease.end();
        assertThat(limit.tryAcquire("a")).isNotNull();
    }

    @Test
    void whatWaitsForALeaseRunsAfterItsPlaceIsFreedAndAtOnceWhenItIsOver() {
        List<String> order = new ArrayList<>();
        Lease lease = limit.tryAcquire("a");
        lease.whenEnded(() -> order.add("session ended with " + limit.running() + " running"));

        lease.end();
        lease.whenEnded(() -> order.add("late"));

        assertThat(order).containsExactly("session ended with 0 running", "late");
    }

    @Test
    void idleCompletesWhenTheLastLeaseEnds() {
        assertThat(limit.idle()).as("nothing running").isDone();
        Lease first = limit.tryAcquire("a");
        Lease second = limit.tryAcquire("b");
        var idle = limit.idle();

        first.end();
        assertThat(idle).isNotDone();
        second.exchangeOver();
        assertThat(idle).isDone();
    }
}
