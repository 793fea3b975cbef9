package dev.paddock.server;

import dev.paddock.capability.CapabilityException;
import dev.paddock.sandbox.ExecutionError;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.HostCallException;
import dev.paddock.sandbox.LogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The host calls of one execute request that have not finished. Host work runs on other threads, so when an
 * execution ends (a time limit, a cancel, or code that returned without awaiting a call) some may still be
 * running. The answer waits a moment for them ({@link #settle}) and then says what became of each, so that the
 * agent is never told "stopped" about a write that lands afterwards without a word: capabilities refuse to commit
 * once the execution has ended ({@code CallContext.beforeCommit}), and whatever did or may still happen is
 * named in the answer.
 */
final class HostCallsInFlight {
    /** Long enough for a write that already passed its commit point to finish (fsync included). */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final Map<CompletableFuture<?>, String> running = new ConcurrentHashMap<>();

    /** Counts the call (by its qualified name, {@code files.write}) until it completes. */
    <T> CompletableFuture<T> track(String name, CompletableFuture<T> call) {
        running.put(call, name);
        call.whenComplete((result, failure) -> running.remove(call));
        return call;
    }

    /**
     * Waits at most {@code bound} for the calls running now, then gives the outcome with a word about them if
     * there were any.
     */
    CompletableFuture<ExecutionResult> settle(ExecutionResult outcome, Duration bound) {
        return note(bound).thenApply(note -> withNote(outcome, note));
    }

    /**
     * Waits at most {@code bound} for the calls running now, then says what became of them, one clause per
     * outcome and a period at the end; null when none was running. A call that failed for another reason
     * than its execution's end is not named: its failure was all it did.
     */
    CompletableFuture<String> note(Duration bound) {
        Map<CompletableFuture<?>, String> atEnd = Map.copyOf(running);
        if (atEnd.isEmpty()) return CompletableFuture.completedFuture(null);
        return CompletableFuture.allOf(atEnd.keySet().stream().map(c -> c.exceptionally(e -> null))
                        .toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, bound.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(settled -> note(atEnd));
    }

    private static String note(Map<CompletableFuture<?>, String> atEnd) {
        List<String> tookEffect = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        List<String> stillRunning = new ArrayList<>();
        atEnd.forEach((call, name) -> {
            if (!call.isDone()) {
                stillRunning.add(name);
            } else if (!call.isCompletedExceptionally()) {
                tookEffect.add(name);
            } else if (refusedAtCommit(call)) {
                stopped.add(name);
            }
        });
        var note = new ArrayList<String>();
        if (!stillRunning.isEmpty()) note.add(running(stillRunning) + " and may yet take effect: " + names(stillRunning));
        if (!tookEffect.isEmpty()) {
            note.add(running(tookEffect) + " and finished afterwards, so " + (tookEffect.size() == 1 ? "it" : "they")
                    + " took effect: " + names(tookEffect));
        }
        if (!stopped.isEmpty()) note.add(running(stopped) + " and did not take effect: " + names(stopped));
        return note.isEmpty() ? null : String.join("; ", note) + ".";
    }

    private static boolean refusedAtCommit(CompletableFuture<?> call) {
        Throwable failure = call.exceptionNow();
        Throwable cause = CapabilityException.unwrap(failure);
        String code = cause instanceof HostCallException h ? h.code()
                : cause instanceof CapabilityException c ? c.code() : null;
        return CapabilityException.CANCELED.equals(code);
    }

    private static String running(List<String> names) {
        return (names.size() == 1 ? "1 host call was" : names.size() + " host calls were")
                + " still running when the execution ended";
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }

    /** A failure's message gets the note; a value gets it as a last warning in its logs. */
    private static ExecutionResult withNote(ExecutionResult outcome, String note) {
        if (note == null) return outcome;
        return switch (outcome) {
            case ExecutionResult.Failed f -> new ExecutionResult.Failed(new ExecutionError(f.error().kind(),
                    f.error().name(), f.error().message() + ". " + note, f.error().line(), f.error().column(),
                    f.error().sourceLine(), f.error().isolateReset()), f.logs(), f.truncated(), f.elapsed());
            case ExecutionResult.Succeeded s -> {
                var logs = new ArrayList<>(s.logs());
                logs.add(new LogEntry("warn", note + " Await every host call whose effect the result depends on."));
                yield new ExecutionResult.Succeeded(s.value(), List.copyOf(logs), s.truncated(), s.elapsed());
            }
        };
    }
}
