package dev.paddock.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The requests a client waits for, and the signal that none is left (stdio waits on it at end of input). */
class InFlightRequestsTest {
    @Test
    void drainedCompletesOnceTheLastRequestIsAnswered() {
        var inFlight = new InFlightRequests();
        assertThat(inFlight.drained()).as("nothing in flight").isDone();

        inFlight.started(1);
        inFlight.started("two");
        var drained = inFlight.drained();
        inFlight.finished(1L);
        assertThat(drained).isNotDone();
        inFlight.finished("two");

        assertThat(drained).isDone();
        inFlight.started(3);
        assertThat(inFlight.drained()).as("a new request starts a new wait").isNotDone();
    }
}
