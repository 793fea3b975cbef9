package dev.paddock.capability;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * What a capability method may ask of the execution that called it. A method receives it by declaring
 * one extra last parameter of this type (undeclared in TypeScript).
 */
public interface CallContext {
    /** Reports progress to the MCP client when it asked for progress; otherwise does nothing. */
    void progress(double progress, Double total, String message);

    /** Sends a log message to the MCP client (notifications/message); level as in MCP (info, warning, …). */
    void log(String level, String message);

    /** True once the execution was cancelled or ran out of time: stop work and return. */
    boolean cancelled();

    /**
     * Completes when the execution is cancelled or ends; for callbacks that abort host work. The same future
     * for every call of one execution, so it also tells executions apart (egress caps fetches per execution).
     */
    CompletableFuture<Void> whenCancelled();

    /**
     * Call right before a change that cannot be taken back (a rename over a file, a stored value): fails with
     * {@code ECANCELED} once the execution has ended, so that work it stopped waiting for (a time limit, a
     * cancel, a promise it never awaited) does not land after its answer.
     *
     * @param what the change, for the message, e.g. {@code "files.write of out.txt"}
     */
    default void beforeCommit(String what) {
        if (cancelled()) {
            throw new CapabilityException(CapabilityException.CANCELED, what + " did not happen: the execution ended "
                    + "before it took effect");
        }
    }

    /** When the execution's wall-time limit runs out. */
    Instant deadline();

    /** Asks the user through the client (MCP elicitation); completes with the client's answer. */
    CompletableFuture<JsonNode> elicit(String message, JsonNode requestedSchema);

    /** Asks the client's model (MCP sampling); completes with the client's CreateMessageResult as JSON. */
    CompletableFuture<JsonNode> sample(JsonNode createMessageRequest);

    /** The profile of the connection (stdio: "default"). */
    String profile();

    /**
     * A context for a call without an MCP client ({@code paddock exec}, tests): progress and logs go nowhere,
     * elicitation and sampling fail saying so.
     *
     * @param ended completes when the work the call belongs to ends; {@link #whenCancelled()} is this future
     */
    static CallContext withoutClient(String profile, Instant deadline, CompletableFuture<Void> ended) {
        return new ClientlessCallContext(profile, deadline, ended);
    }
}
