package dev.paddock.capability;

import tools.jackson.databind.JsonNode;

/**
 * One call from agent code, {@code namespace.method(args)}, already resolved against the granted methods:
 * every step of the call path can rely on the method existing. The arguments are the JSON array the
 * isolate sent. Immutable; a step that changes something passes on {@link #withArguments}.
 */
public final class CapabilityCall {
    private final String namespace;
    private final BoundMethod target;
    private final JsonNode arguments;
    private final CallContext context;

    CapabilityCall(String namespace, BoundMethod target, JsonNode arguments, CallContext context) {
        this.namespace = namespace;
        this.target = target;
        this.arguments = arguments;
        this.context = context;
    }

    public String namespace() {
        return namespace;
    }

    public String method() {
        return target.declared().name();
    }

    /** How the agent wrote it, for messages: {@code files.read}. */
    public String qualifiedName() {
        return namespace + "." + method();
    }

    public JsonNode arguments() {
        return arguments;
    }

    public CallContext context() {
        return context;
    }

    /** The same call with other arguments (a step that rewrites them, e.g. to fill in defaults). */
    public CapabilityCall withArguments(JsonNode replaced) {
        return new CapabilityCall(namespace, target, replaced, context);
    }

    BoundMethod target() {
        return target;
    }
}
