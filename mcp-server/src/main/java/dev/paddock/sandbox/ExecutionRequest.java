package dev.paddock.sandbox;

import java.time.Duration;
import java.util.Optional;

/**
 * One `execute` call: the agent's code, an optional lower wall-time limit, and whether to start the
 * isolate afresh first.
 */
public record ExecutionRequest(String code, Optional<Duration> timeout, boolean reset) {
    public ExecutionRequest {
        if (code == null) throw new IllegalArgumentException("code must not be null");
        timeout = timeout == null ? Optional.empty() : timeout;
    }

    public static ExecutionRequest of(String code) {
        return new ExecutionRequest(code, Optional.empty(), false);
    }
}
