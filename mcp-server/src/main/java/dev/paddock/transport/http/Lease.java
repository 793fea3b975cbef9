package dev.paddock.transport.http;

import java.util.ArrayList;
import java.util.List;

/**
 * One admitted POST's hold on the server's capacity, taken once its body has arrived: a place in its caller's
 * {@link ConcurrencyLimit} and in the work that graceful shutdown waits for. It ends exactly once, on whichever path ends the request: with the
 * exchange for anything that does no work past its reply (a refusal, a notification, a client that hung up
 * before it was answered), or when a running request has been answered, which can be long after its client
 * hung up.
 */
final class Lease {
    private final List<Runnable> onEnd = new ArrayList<>();
    private boolean ended;
    private volatile boolean keptByRequest;

    Lease(Runnable release) {
        onEnd.add(release);
    }

    /** A request runs on this lease: from now on only {@link #end()}, at the request's end, frees it. */
    void keepUntilRequestEnds() {
        keptByRequest = true;
    }

    /** The HTTP exchange is over (replied to, or the client hung up): frees the lease unless a request keeps it. */
    void exchangeOver() {
        if (!keptByRequest) end();
    }

    /** Frees the lease, then runs what waits for it, in the order it was added; later calls do nothing. */
    void end() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) return;
            ended = true;
            actions = List.copyOf(onEnd);
        }
        actions.forEach(Runnable::run);
    }

    /** Runs the action once the lease has ended; at once if it already has. */
    void whenEnded(Runnable action) {
        synchronized (this) {
            if (!ended) {
                onEnd.add(action);
                return;
            }
        }
        action.run();
    }
}
