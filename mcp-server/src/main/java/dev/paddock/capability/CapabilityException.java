package dev.paddock.capability;

/**
 * A failure a capability reports to agent code: it becomes a catchable JS {@code Error} whose
 * {@code code} property is {@link #code()} (ENOENT, EACCES, …) and whose message is written for the agent.
 */
public class CapabilityException extends RuntimeException {
    private final String code;

    public CapabilityException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
