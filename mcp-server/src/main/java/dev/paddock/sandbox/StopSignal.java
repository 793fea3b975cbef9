package dev.paddock.sandbox;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop one execution, from the watchdog, the heap guard, a cancel or the isolate's close. The
 * first reason wins; whoever asks also wakes the execution's loop and the watchdog, which does the stopping.
 */
final class StopSignal {

    /** The reason and its time are set together: the watchdog must never see a reason without its time. */
    private record Request(StopReason reason, long nanos) {}

    private final AtomicReference<Request> request = new AtomicReference<>();
    private final Runnable onRequest;

    /** @param onRequest called once, by the first request, on the requesting thread */
    StopSignal(Runnable onRequest) {
        this.onRequest = onRequest;
    }

    /** False if a stop was requested before (its reason stands). */
    boolean request(StopReason why) {
        if (!request.compareAndSet(null, new Request(why, System.nanoTime()))) return false;
        onRequest.run();
        return true;
    }

    /** The reason of the first request, or null while none was made. */
    StopReason reason() {
        Request r = request.get();
        return r == null ? null : r.reason();
    }

    boolean requested() {
        return request.get() != null;
    }

    /** When the first request was made, in {@link System#nanoTime()}. */
    long requestedNanos() {
        Request r = request.get();
        return r == null ? 0 : r.nanos();
    }
}
