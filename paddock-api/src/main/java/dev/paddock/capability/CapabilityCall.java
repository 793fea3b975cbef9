package dev.paddock.capability;

import tools.jackson.databind.JsonNode;

/**
 * One call from agent code, {@code namespace.method(args)}, already resolved against the granted methods:
 * a {@link CallPolicy} sees only calls of methods that exist. The arguments are the JSON array the isolate
 * sent. Immutable; a step that changes something passes on {@link #withArguments}.
 */
public record CapabilityCall(String namespace, String method, JsonNode arguments, CallContext context) {

    /** How the agent wrote it, for messages: {@code files.read}. */
    public String qualifiedName() {
        return namespace + "." + method;
    }

    /** The same call with other arguments (a step that rewrites them, e.g. to fill in defaults). */
    public CapabilityCall withArguments(JsonNode replaced) {
        return new CapabilityCall(namespace, method, replaced, context);
    }
}
