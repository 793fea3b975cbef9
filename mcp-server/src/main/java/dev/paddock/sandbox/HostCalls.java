package dev.paddock.sandbox;

import java.util.concurrent.CompletableFuture;

/**
 * Where one execution's calls out of the isolate go. The isolate's {@link HostApi} is the default; the
 * submitter of an execution may pass its own view of it ({@link Isolate#submit(ExecutionRequest,
 * ExecutionListener, HostCalls)}) that knows who asked for the run, so that the sandbox never carries
 * objects of the protocol it is served over.
 */
@FunctionalInterface
public interface HostCalls {
    /**
     * One call: {@code argumentsJson} is the JSON array of the arguments. Completes with the result as JSON
     * text, or fails; a {@link HostCallException} becomes a JS error with its name, message and code, any
     * other failure a plain Error with its message. Must not block the calling (isolate) thread.
     */
    CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope);
}
