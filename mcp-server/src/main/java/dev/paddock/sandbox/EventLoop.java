package dev.paddock.sandbox;

import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One execution's event loop: timers, and host work completing on other threads, all run on the thread
 * that drives the loop, so the context is never used by two threads at once. It ends when the agent's
 * promise settles, an error nobody can catch is thrown, a stop is requested, or nothing is left that could
 * ever settle the promise.
 */
final class EventLoop {

    /** How often the loop re-checks the stop signal while waiting for host work. */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Runnable WAKE_UP = () -> {};

    private record Timer(long due, long sequence, long id) {}

    /** How the loop ended. */
    sealed interface Outcome {}

    /** The agent's promise resolved with this value. */
    record Returned(Value value) implements Outcome {}

    /** The promise was rejected, or a timer or microtask threw: this value. */
    record Threw(Value error) implements Outcome {}

    /** No timer and no host work pending, so the promise can never settle. */
    record NeverSettled() implements Outcome {}

    /** A stop was requested, or the loop thread was interrupted (then the signal says cancelled). */
    record Stopped() implements Outcome {}

    private final StopSignal stop;

    // Touched only by the loop thread, except the task queue and the host-work counter.
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingHostWork = new AtomicInteger();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    private long timerSequence;
    private boolean settled;
    private Value value;
    private Value rejection;
    private Value uncaught;

    EventLoop(StopSignal stop) {
        this.stop = stop;
    }

    /** Makes a waiting loop look at the stop signal now. Any thread. */
    void wake() {
        tasks.offer(WAKE_UP);
    }

    /** Settles the agent's promise with its value: what the runtime's resolve callback calls. */
    ProxyExecutable resolve() {
        return args -> settle(args[0], null);
    }

    /** Settles the agent's promise with a rejection: what the runtime's reject callback calls. */
    ProxyExecutable reject() {
        return args -> settle(null, args[0]);
    }

    private Object settle(Value resolved, Value rejected) {
        if (!settled) {
            settled = true;
            value = resolved;
            rejection = rejected;
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // Hooks from the standard library (loop thread)

    void setTimer(long id, long delayMillis) {
        timers.removeIf(t -> t.id == id);
        timers.add(new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), timerSequence++, id));
    }

    void clearTimer(long id) {
        timers.removeIf(t -> t.id == id);
    }

    /** An error thrown where nobody can catch it; the first one ends the loop. */
    void uncaught(Value error) {
        if (uncaught == null) uncaught = error;
    }

    /**
     * Runs {@code completion} on the loop thread once the host work started now finishes. Until then the
     * loop knows something is still pending, so an unsettled promise is not reported as stuck.
     */
    HostWork beginHostWork() {
        pendingHostWork.incrementAndGet();
        return completion -> {
            tasks.offer(completion);
            pendingHostWork.decrementAndGet();
        };
    }

    /** Host work in flight; {@link #complete} hands its continuation to the loop thread. */
    interface HostWork {
        void complete(Runnable onLoopThread);
    }

    // ---------------------------------------------------------------------------------------------
    // The loop

    /**
     * Runs timers and completions until the promise settles or the loop must end. Guest code runs inside,
     * so engine exceptions (an interrupt, a closed context) pass through to the caller.
     */
    Outcome run(GuestRuntime runtime) {
        boolean neverSettled = false;
        while (!settled && uncaught == null && !stop.requested()) {
            long now = System.nanoTime();
            Timer next = timers.peek();
            if (next != null && next.due <= now) {
                timers.poll();
                runtime.fireTimer(next.id);
                continue;
            }
            Runnable task = tasks.poll();
            if (task != null) {
                task.run();
                continue;
            }
            if (next == null && pendingHostWork.get() == 0) {
                neverSettled = true;
                break;
            }
            long wait = next == null ? IDLE_POLL_NANOS : Math.min(next.due - now, IDLE_POLL_NANOS);
            try {
                task = tasks.poll(Math.max(wait, 1), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.request(StopReason.CANCELLED);
                break;
            }
            if (task != null) task.run();
        }
        if (stop.requested()) return new Stopped();
        if (uncaught != null) return new Threw(uncaught);
        if (neverSettled) return new NeverSettled();
        if (rejection != null) return new Threw(rejection);
        return new Returned(value);
    }

    /** Drops the timers left when the execution ends; their callbacks never run. */
    void clearTimers() {
        timers.clear();
    }
}
