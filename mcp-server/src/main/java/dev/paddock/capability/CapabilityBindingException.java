package dev.paddock.capability;

import java.util.List;

/** The TypeScript declarations and the Java implementation of a capability do not match. */
public final class CapabilityBindingException extends RuntimeException {
    private final List<String> problems;

    public CapabilityBindingException(String namespace, List<String> problems) {
        super("capability '" + namespace + "' does not match its declarations:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
