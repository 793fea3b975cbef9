package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * A capability implementation whose methods are not Java methods but are known at run time, such as the
 * tools of an upstream MCP server. Every declared method takes one object, the tool input; calls still take
 * the whole {@link CallPath}, and arguments are checked against {@link #inputSchema} (the implementation's
 * own schema, not one derived back from the declarations) before {@link #call} sees them.
 */
public interface DynamicImplementation {
    /** The JSON Schema a declared method's input must meet. */
    JsonNode inputSchema(String method);

    /** Runs a declared method; the input is an object ({@code {}} when the agent passed nothing). */
    CompletableFuture<JsonNode> call(String method, JsonNode input, CallContext context);
}
