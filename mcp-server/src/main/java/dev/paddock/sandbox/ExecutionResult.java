package dev.paddock.sandbox;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of one execution: either a JSON result or an error, with the logs printed up to the end.
 *
 * @param result    the code's value as JSON (null node for undefined); null when failed
 * @param error     null when succeeded
 * @param logs      console output in order, possibly truncated (then the last entry says so)
 * @param truncated true when the result or the logs were cut to fit the output limits
 * @param elapsed   wall time from the start of execution
 */
public record ExecutionResult(
        JsonNode result, ExecutionError error, List<LogEntry> logs, boolean truncated, Duration elapsed) {

    public boolean succeeded() {
        return error == null;
    }
}
