package dev.paddock.capability;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a call's arguments against the schema generated from the method's TypeScript declaration,
 * before any host code runs. A mismatch fails the call with a TypeError-style message naming the path
 * the agent got wrong: {@code files.read: input.path must be a string}.
 */
final class ArgumentValidation implements CallStep {
    private final Map<String, BoundMethod> methods;

    ArgumentValidation(Map<String, BoundMethod> methods) {
        this.methods = methods;
    }

    @Override
    public CompletableFuture<JsonNode> handle(CapabilityCall call, Chain next) {
        DeclaredMethod method = methods.get(call.qualifiedName()).declared();
        JsonNode arguments = call.arguments();
        if (!arguments.isArray()) {
            return CompletableFuture.failedFuture(new CapabilityException("EINVAL", call.qualifiedName() + ": arguments must be a list"));
        }
        if (arguments.size() > method.params().size()) {
            return CompletableFuture.failedFuture(invalid(call, "takes " + method.params().size() + " argument"
                    + (method.params().size() == 1 ? "" : "s") + " (" + String.join(", ", method.params()) + ") but got "
                    + arguments.size()));
        }
        JsonNode input = toolInput(method, arguments);
        List<Error> errors = method.inputSchema().validate(input);
        if (!errors.isEmpty()) {
            return CompletableFuture.failedFuture(invalid(call, describe(errors.get(0), method)));
        }
        return next.proceed(call);
    }

    /** The arguments shaped as the tool input the schema describes. */
    static JsonNode toolInput(DeclaredMethod method, JsonNode arguments) {
        if (method.singleObjectInput()) {
            JsonNode only = arguments.path(0);
            return only.isMissingNode() || only.isNull() ? JsonNodeFactory.instance.objectNode() : only;
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < arguments.size(); i++) {
            if (!arguments.get(i).isNull()) input.set(method.params().get(i), arguments.get(i));
        }
        return input;
    }

    private static CapabilityException invalid(CapabilityCall call, String problem) {
        return new CapabilityException("EINVAL", call.qualifiedName() + ": " + problem);
    }

    private static String describe(Error error, DeclaredMethod method) {
        String path = path(error.getInstanceLocation(), method);
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        return switch (error.getKeyword()) {
            case "type" -> path + " must be " + article(String.valueOf(args.length > 1 ? args[1] : error.getSchemaNode()))
                    + " (got " + kind(error.getInstanceNode()) + ")";
            case "required" -> join(path, error.getProperty()) + " is required";
            case "additionalProperties" -> path + " has an unknown property '" + error.getProperty() + "'";
            case "enum" -> path + " must be one of " + error.getSchemaNode();
            case "const" -> path + " must be " + error.getSchemaNode();
            default -> path + " " + stripLocation(error.getMessage());
        };
    }

    /** {@code input.items[2].name} for the single-object parameter {@code input}; {@code items[2].name} otherwise. */
    private static String path(NodePath location, DeclaredMethod method) {
        StringBuilder path = new StringBuilder(method.singleObjectInput() ? method.params().get(0) : "");
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) path.append('.');
                path.append(element);
            }
        }
        return path.isEmpty() ? "the input" : path.toString();
    }

    private static String join(String path, String property) {
        return path.equals("the input") ? property : path + "." + property;
    }

    private static String article(String type) {
        String plain = type.replace("\"", "").replace("[", "").replace("]", "");
        List<String> parts = List.of(plain.split(",\\s*"));
        return parts.stream()
                .map(t -> t.equals("null") ? "null" : (t.matches("[aeiou].*") ? "an " : "a ") + t)
                .collect(Collectors.joining(" or "));
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isNull()) return "null";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        if (node.isBoolean()) return "a boolean";
        if (node.isNumber()) return "a number";
        return "a string";
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }
}
