package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** A declared method joined to what runs it: a Java method ({@link JavaMethod}) or a {@link DynamicMethod}. */
sealed interface BoundMethod permits JavaMethod, DynamicMethod {
    DeclaredMethod declared();

    /** Runs the method on the calling thread with the call's JSON argument list; async results complete later. */
    CompletableFuture<JsonNode> invoke(JsonNode arguments, CallContext context, String qualifiedName);
}
