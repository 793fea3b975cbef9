package dev.paddock.capability;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** A declared method of a {@link DynamicImplementation}: the single argument is the tool input. */
record DynamicMethod(DeclaredMethod declared, DynamicImplementation target) implements BoundMethod {
    @Override
    public CompletableFuture<JsonNode> invoke(JsonNode arguments, CallContext context, String qualifiedName) {
        return target.call(declared.name(), ArgumentValidation.toolInput(declared, arguments), context);
    }
}
