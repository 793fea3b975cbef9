package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.capability.CapabilityException;
import dev.paddock.sandbox.ExecutionError;
import dev.paddock.sandbox.ExecutionResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What an answer says about the host calls still running when its execution ended. */
class HostCallsInFlightTest {
    private static final ExecutionResult STOPPED = new ExecutionResult.Failed(new ExecutionError("wall-time",
            "WallTimeLimitExceeded", "execution exceeded the 100 ms wall-time limit", null, null, null, false),
            List.of(), false, Duration.ofMillis(100));

    private final HostCallsInFlight inFlight = new HostCallsInFlight();

    private static String message(ExecutionResult result) {
        return ((ExecutionResult.Failed) result).error().message();
    }

    @Test
    void callsThatFinishedBeforeTheEndAreNotMentioned() {
        inFlight.track("files.read", CompletableFuture.completedFuture("\"x\""));
        assertThat(inFlight.settle(STOPPED, Duration.ofSeconds(1)).join()).isSameAs(STOPPED);
    }

    @Test
    void eachCallRunningAtTheEndIsNamedWithWhatBecameOfIt() {
        var landed = inFlight.track("files.write", new CompletableFuture<>());
        var refused = inFlight.track("state.set", new CompletableFuture<>());
        inFlight.track("weather.high", new CompletableFuture<>()); // never finishes
        var failed = inFlight.track("files.read", new CompletableFuture<>());

        var answer = inFlight.settle(STOPPED, Duration.ofMillis(300));
        landed.complete("{}");
        refused.completeExceptionally(new CapabilityException(CapabilityException.CANCELED, "state.set did not happen"));
        failed.completeExceptionally(new CapabilityException("ENOENT", "no such file"));

        assertThat(message(answer.join())).isEqualTo("execution exceeded the 100 ms wall-time limit. "
                + "1 host call was still running when the execution ended and may yet take effect: weather.high; "
                + "1 host call was still running when the execution ended and finished afterwards, so it took effect: "
                + "files.write; 1 host call was still running when the execution ended and did not take effect: state.set.");
    }

    @Test
    void theAnswerWaitsNoLongerThanTheBound() {
        inFlight.track("files.write", new CompletableFuture<>());
        inFlight.track("files.write", new CompletableFuture<>());
        assertThat(message(inFlight.settle(STOPPED, Duration.ofMillis(100)).join()))
                .endsWith("2 host calls were still running when the execution ended and may yet take effect: "
                        + "files.write, files.write.");
    }
}
