package dev.paddock.server;

import java.time.Duration;

/**
 * How `execute` runs on a transport.
 *
 * @param maxQueue  longest an execution may wait for a free execution thread before it is refused with a
 *                  queue-time error; null for no limit
 * @param metrics   where executions are counted
 */
public record ServingOptions(Duration maxQueue, ServerMetrics metrics) {
    /** Stdio: one session, its own isolate, nobody scraping metrics. */
    public static ServingOptions stdio() {
        return new ServingOptions(null, new ServerMetrics());
    }
}
