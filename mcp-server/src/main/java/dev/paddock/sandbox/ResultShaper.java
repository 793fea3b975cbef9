package dev.paddock.sandbox;

import tools.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes one execution's {@link ExecutionResult}: the value's JSON within the result-size limit (past it, a
 * {@code $truncated} marker with a preview), or the error, each with the logs printed up to the end.
 */
final class ResultShaper {

    private static final int PREVIEW_CHARS = 1000;

    private final LogBuffer logs;
    private final int maxResultBytes;

    ResultShaper(LogBuffer logs, int maxResultBytes) {
        this.logs = logs;
        this.maxResultBytes = maxResultBytes;
    }

    ExecutionResult value(GuestRuntime.Serialized serialized, Duration elapsed) {
        int bytes = serialized.json().getBytes(StandardCharsets.UTF_8).length;
        if (serialized.complete() && bytes <= maxResultBytes) {
            try {
                return new ExecutionResult.Succeeded(JsonMapper.shared().readTree(serialized.json()), logs.entries(),
                        logs.truncated(), elapsed);
            } catch (StreamConstraintsException e) {
                return failure(ExecutionErrors.unreadableResult(JsonConstraints.describe(e, "the result", false)), elapsed);
            }
        }
        ObjectNode marker = JsonMapper.shared().createObjectNode();
        marker.put("$truncated", true);
        marker.put("limitBytes", maxResultBytes);
        if (serialized.complete()) marker.put("bytes", bytes);
        String json = serialized.json();
        marker.put("preview", json.substring(0, Math.min(PREVIEW_CHARS, json.length())));
        marker.put("message", "the result is larger than the " + maxResultBytes
                + "-byte limit; return a smaller value (e.g. a summary or a slice)");
        return new ExecutionResult.Succeeded(marker, logs.entries(), true, elapsed);
    }

    ExecutionResult failure(ExecutionError error, Duration elapsed) {
        return new ExecutionResult.Failed(error, logs.entries(), logs.truncated(), elapsed);
    }
}
