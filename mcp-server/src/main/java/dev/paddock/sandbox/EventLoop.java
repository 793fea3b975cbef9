package dev.paddock.sandbox;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One execution's event loop: timers, and host work completing on other threads, all run by the slice
 * that drives the loop, so the context is never used by two threads at once. When nothing can run (host
 * work pending, or only a later timer), the loop parks: its slice ends and gives the pool thread back,
 * and the completion, the timer's alarm or a stop request resumes it as a new slice on any free thread.
 * The hand-over between slices goes through {@link #state}, which orders everything one slice wrote
 * before the next one reads it. It ends when the agent's promise settles, an error nobody can catch is
 * thrown, a stop is requested, or nothing is left that could ever settle the promise.
 */
final class EventLoop {

    private static final int RUNNING = 0;
    private static final int PARKED = 1;
    private static final int ENDED = 2;

    private record Timer(long due, long sequence, long id) {}

    /** How the loop ended, or that it waits. */
    sealed interface Outcome {}

    /** The agent's promise resolved with this value. */
    record Returned(Value value) implements Outcome {}

    /** The promise was rejected, or a timer or microtask threw: this value. */
    record Threw(Value error) implements Outcome {}

    /** No timer and no host work pending, so the promise can never settle. */
    record NeverSettled() implements Outcome {}

    /** A stop was requested. */
    record Stopped() implements Outcome {}

    /** Nothing can run now, only after host work completes or a timer is due: the slice may {@link #park}. */
    record Idle() implements Outcome {}

    private final StopSignal stop;
    /** Runs the loop again as a new slice on a free pool thread. */
    private final Runnable resume;
    /** Shared by all loops: wakes a parked loop when its next timer is due. */
    private final ScheduledExecutorService alarms;

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingHostWork = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    // Touched only by the slice that drives the loop.
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    private long timerSequence;
    private ScheduledFuture<?> alarm;
    private boolean settled;
    private Value value;
    private Value rejection;
    private Value uncaught;

    EventLoop(StopSignal stop, Runnable resume, ScheduledExecutorService alarms) {
        this.stop = stop;
        this.resume = resume;
        this.alarms = alarms;
    }

    /**
     * Resumes a parked loop on a free thread, to run what arrived or to see a stop; does nothing while it
     * runs (it looks at its queue and the stop signal between tasks) or after it ended. Any thread.
     */
    void wake() {
        if (state.compareAndSet(PARKED, RUNNING)) resume.run();
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
            // Queued before it stops counting as pending: see the never-settled check in run().
            tasks.offer(completion);
            pendingHostWork.decrementAndGet();
            wake();
        };
    }

    /** Host work in flight; {@link #complete} hands its continuation to the loop thread. */
    interface HostWork {
        void complete(Runnable onLoopThread);
    }

    // ---------------------------------------------------------------------------------------------
    // The loop

    /**
     * Runs due timers and completions until the promise settles, the loop must end, or nothing can run
     * now ({@link Idle}). Guest code runs inside, so engine exceptions (an interrupt, a closed context)
     * pass through to the caller.
     */
    Outcome run(GuestRuntime runtime) {
        if (alarm != null) {
            alarm.cancel(false);
            alarm = null;
        }
        while (!settled && uncaught == null && !stop.requested()) {
            Timer next = timers.peek();
            if (next != null && next.due <= System.nanoTime()) {
                timers.poll();
                runtime.fireTimer(next.id);
                continue;
            }
            Runnable task = tasks.poll();
            if (task != null) {
                task.run();
                continue;
            }
            // A completion is queued before its work stops counting, so no pending work and an empty
            // queue, read in this order, mean nothing is on its way.
            if (next == null && pendingHostWork.get() == 0 && tasks.isEmpty()) return new NeverSettled();
            return new Idle();
        }
        if (stop.requested()) return new Stopped();
        if (uncaught != null) return new Threw(uncaught);
        if (rejection != null) return new Threw(rejection);
        return new Returned(value);
    }

    /**
     * After {@link Idle}, once the slice has done all its own bookkeeping: hands the loop to whoever wakes
     * it. True if it is parked, and then the calling thread must not touch the execution again (the next
     * slice may already be running); false if something arrived meanwhile and the caller runs it on.
     */
    boolean park() {
        Timer next = timers.peek();
        // Set before the state says parked: an alarm firing earlier finds the loop running, and the check
        // below sees its timer due.
        if (next != null) {
            try {
                alarm = alarms.schedule(this::wake, next.due - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // The sandbox is closing: nothing would wake the loop. Run on, to see the stop.
                stop.request(StopReason.CLOSED);
                return false;
            }
        }
        state.set(PARKED);
        // What arrived before the state said parked woke nobody: look again. If a waker took the loop
        // meanwhile, its slice runs it.
        boolean ready = !tasks.isEmpty() || stop.requested() || next != null && next.due <= System.nanoTime();
        return !(ready && state.compareAndSet(PARKED, RUNNING));
    }

    /** The execution ended: its timers never fire, and late completions wake nothing (they are dropped). */
    void end() {
        state.set(ENDED);
        timers.clear();
        if (alarm != null) alarm.cancel(false);
        alarm = null;
    }
}
