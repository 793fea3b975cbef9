package dev.paddock.capability;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * A declared method joined to the Java method that implements it: binds the JSON arguments to the Java
 * parameters (trees stay trees, everything else goes through Jackson, e.g. records) and turns the
 * return value, plain or a {@link CompletionStage}, into JSON, MCP content in it as {@link RichContent}.
 */
final class JavaMethod implements BoundMethod {
    private final DeclaredMethod declared;
    private final Object target;
    private final Method method;
    private final boolean takesContext;

    JavaMethod(DeclaredMethod declared, Object target, Method method) {
        this.declared = declared;
        this.target = target;
        this.method = method;
        Class<?>[] types = method.getParameterTypes();
        this.takesContext = types.length > 0 && types[types.length - 1] == CallContext.class;
        method.setAccessible(true);
    }

    @Override
    public DeclaredMethod declared() {
        return declared;
    }

    /** Runs the Java method on the calling thread; async results complete later. */
    @Override
    public CompletableFuture<JsonNode> invoke(JsonNode arguments, CallContext context, String qualifiedName) {
        Object[] javaArgs = bind(arguments, context, qualifiedName);
        Object returned;
        try {
            returned = method.invoke(target, javaArgs);
        } catch (InvocationTargetException e) {
            return CompletableFuture.failedFuture(e.getCause());
        } catch (IllegalAccessException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot call " + method, e));
        }
        if (returned instanceof CompletionStage<?> stage) {
            return stage.toCompletableFuture().thenApply(this::toJson);
        }
        return CompletableFuture.completedFuture(toJson(returned));
    }

    private Object[] bind(JsonNode arguments, CallContext context, String qualifiedName) {
        Class<?>[] types = method.getParameterTypes();
        Object[] values = new Object[types.length];
        int declaredCount = takesContext ? types.length - 1 : types.length;
        for (int i = 0; i < declaredCount; i++) {
            JsonNode argument = arguments.path(i);
            values[i] = convert(argument.isMissingNode() ? NullNode.getInstance() : argument, types[i], i, qualifiedName);
        }
        if (takesContext) values[types.length - 1] = context;
        return values;
    }

    private Object convert(JsonNode argument, Class<?> type, int index, String qualifiedName) {
        if (JsonNode.class.isAssignableFrom(type)) return argument;
        if (argument.isNull() && !type.isPrimitive()) return null;
        try {
            return JsonMapper.shared().treeToValue(argument, type);
        } catch (JacksonException e) {
            throw new CapabilityException("EINVAL", qualifiedName + ": " + declared.params().get(index)
                    + " cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private JsonNode toJson(Object value) {
        if (value == null) return NullNode.getInstance();
        if (value instanceof JsonNode node) return node;
        return RichContent.WRITER.valueToTree(value);
    }
}
