package dev.paddock.server;

import java.time.Duration;

/**
 * How `execute` runs on a transport.
 *
 * @param maxQueue  longest an execution may wait for a free execution thread before it is refused with a
 *                  queue-time error; null for no limit
 * @param metrics   where executions are counted
 * @param stateless every request starts from a fresh isolate, so nothing a call leaves on globalThis is
 *                  there for the next; the model is told so instead of being promised persistence
 */
public record ServingOptions(Duration maxQueue, ServerMetrics metrics, boolean stateless) {
    /** Stdio: one session, its own isolate, nobody scraping metrics. */
    public static ServingOptions stdio() {
        return new ServingOptions(null, new ServerMetrics(), false);
    }
}
