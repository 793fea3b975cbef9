package dev.paddock.capability;

import tools.jackson.databind.JsonNode;

/**
 * One call from agent code: {@code namespace.method(args)}, with the arguments as the JSON array the
 * isolate sent. Immutable; a step that changes something passes on a new call.
 */
public record CapabilityCall(String namespace, String method, JsonNode arguments, CallContext context) {

    /** How the agent wrote it, for messages: {@code files.read}. */
    public String qualifiedName() {
        return namespace + "." + method;
    }
}
