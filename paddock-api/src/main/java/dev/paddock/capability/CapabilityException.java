package dev.paddock.capability;

import java.util.concurrent.CompletionException;

/**
 * A failure a capability reports to agent code: it becomes a catchable JS {@code Error} whose
 * {@code code} property is {@link #code()} (ENOENT, EACCES, …) and whose message is written for the agent.
 */
public class CapabilityException extends RuntimeException {
    /** The code of a change refused because its execution had ended ({@link CallContext#beforeCommit}). */
    public static final String CANCELED = "ECANCELED";

    private final String code;

    public CapabilityException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * What actually failed: a future wraps the exception of a capability method (or of fetch) in a
     * CompletionException, and callers decide by the original's type.
     */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
