package dev.paddock.tooldefs.schema;

import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.ModelError;
import dev.paddock.tooldefs.model.Param;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.TypeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One method → one MCP tool object {@code {name, description, inputSchema, outputSchema?}}.
 *
 * <p>The input is an object of the named parameters, except that a method whose only parameter is an
 * object type takes that object as its input (unless the parameter is optional and the object has
 * required fields: the input {} must then stay valid). The output schema is there when the (Promise-unwrapped)
 * return type is an object type, or a union of object types; MCP requires output schemas to be objects. Input objects are exact
 * ({@code additionalProperties: false}), output objects are not, so a server that adds a field later
 * does not fail its clients' validation.
 */
public final class ToolBuilder {

    private final TypeTable table;

    public ToolBuilder(TypeTable table) {
        this.table = table;
    }

    /**
     * The tool of {@code method}, named {@code name}. Every problem found goes to {@code errors}, each
     * parameter and field checked on its own; the tool is incomplete when any was added.
     */
    public ObjectNode tool(Member method, String name, List<ModelError> errors) {
        Type.Function f = (Type.Function) method.type();
        ObjectNode tool = Json.object();
        tool.put("name", name);
        if (!method.doc().tags().isEmpty()) {
            errors.add(new ModelError(method.offset(), "@" + method.doc().tags().keySet().iterator().next() + " in the JSDoc of method '"
                    + method.name() + "' constrains nothing: write it in the JSDoc of the property it constrains "
                    + "(take an object parameter to document each field)"));
        }
        String description = description(method.doc());
        if (!description.isEmpty()) tool.put("description", description);
        try {
            tool.set("inputSchema", input(f, method, errors));
        } catch (ModelError e) {
            errors.add(e);
        }
        try {
            ObjectNode output = output(f.returns(), method, errors);
            if (output != null) tool.set("outputSchema", output);
        } catch (ModelError e) {
            errors.add(e);
        }
        return tool;
    }

    /** The tool description: the summary, then what @returns, @deprecated and @example say. */
    private static String description(Doc doc) {
        List<String> parts = new ArrayList<>();
        if (!doc.summary().isEmpty()) parts.add(doc.summary());
        if (doc.returns() != null && !doc.returns().isEmpty()) parts.add("Returns: " + doc.returns());
        if (doc.deprecated() != null) parts.add(doc.deprecated().isEmpty() ? "Deprecated." : "Deprecated: " + doc.deprecated());
        for (String example : doc.examples()) parts.add("Example:\n" + example);
        return String.join("\n", parts);
    }

    private ObjectNode input(Type.Function f, Member method, List<ModelError> errors) {
        SchemaWriter writer = new SchemaWriter(table, true, errors);
        writer.at(method.offset());
        List<Param> params = f.params();
        ObjectNode root;
        if (takesObjectInput(f)) {
            Param only = params.getFirst();
            writer.at(only.offset());
            root = writer.objectSchema(table.asObject(only.type()));
            SchemaWriter.annotate(root, parameterDoc(only, method.doc()));
            describeFields(root, only.name(), method.doc().params(), method.offset());
        } else {
            root = Json.object();
            root.put("type", "object");
            ObjectNode properties = root.putObject("properties");
            ArrayNode required = Json.NODES.arrayNode();
            for (Param p : params) {
                writer.at(p.offset());
                try {
                    properties.set(p.name(), writer.property(p.type(), parameterDoc(p, method.doc())));
                    if (!p.optional() && !p.rest() && !SchemaWriter.admitsUndefined(p.type())) required.add(p.name());
                    describeFields(properties.get(p.name()), p.name(), method.doc().params(), method.offset());
                } catch (ModelError e) {
                    errors.add(e);
                }
            }
            if (!required.isEmpty()) root.set("required", required);
            root.put("additionalProperties", false);
        }
        if (!root.has("properties")) root.putObject("properties");
        unknownParams(method, params, errors);
        reorder(root);
        return writer.finish(root);
    }

    /**
     * What documents a parameter: the method's {@code @param} text (else the summary of the JSDoc written
     * before the parameter itself), and that JSDoc's deprecation and constraint tags.
     */
    private static Doc parameterDoc(Param p, Doc method) {
        String text = method.params().getOrDefault(p.name(), "");
        return new Doc(text.isEmpty() ? p.doc().summary() : text, Map.of(), null, p.doc().deprecated(), List.of(),
                p.doc().tags());
    }

    /** A {@code @param} that names no parameter would describe nothing: say so instead of dropping it. */
    private static void unknownParams(Member method, List<Param> params, List<ModelError> errors) {
        for (String path : method.doc().params().keySet()) {
            String name = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (params.stream().noneMatch(p -> p.name().equals(name))) {
                errors.add(new ModelError(method.offset(), "@param " + path + ": '" + method.name() + "' has no parameter '" + name + "'"));
            }
        }
    }

    /** True when the method's only parameter is an object type, which then is the whole tool input. */
    public boolean takesObjectInput(Type.Function f) {
        List<Param> params = f.params();
        if (params.size() != 1 || params.getFirst().rest()) return false;
        Param only = params.getFirst();
        Type.ObjectType object = table.asObject(only.type());
        if (object == null) return false;
        // search(options?: { query: string }) may be called as search(): the input {} must then be valid,
        // so an optional parameter with required fields is a property of the input, not the input itself.
        return !only.optional() || object.members().stream().allMatch(m -> m.optional() || SchemaWriter.admitsUndefined(m.type()));
    }

    private ObjectNode output(Type returns, Member method, List<ModelError> errors) {
        Type result = returns instanceof Type.Ref r && r.name().equals("Promise") ? r.args().getFirst() : returns;
        Type.ObjectType object = table.asObject(result);
        if (object == null && isUnionOfObjects(result, 0)) {
            // Every alternative is an object (Result<T, E>, a discriminated union): still an object for MCP.
            SchemaWriter writer = new SchemaWriter(table, false, errors);
            writer.at(method.offset());
            ObjectNode root = Json.object();
            root.put("type", "object");
            root.setAll(writer.schema(result));
            ObjectNode finished = writer.finish(root);
            reorder(finished);
            return finished;
        }
        if (object == null) {
            // No output schema (MCP wants objects there), but the type must still be one JSON can carry.
            if (!(result instanceof Type.Primitive p && (p.keyword() == Type.Keyword.VOID || p.keyword() == Type.Keyword.UNDEFINED))) {
                SchemaWriter check = new SchemaWriter(table, false, errors);
                check.at(method.offset());
                check.schema(result);
            }
            return null;
        }
        SchemaWriter writer = new SchemaWriter(table, false, errors);
        writer.at(method.offset());
        ObjectNode root = writer.objectSchema(object);
        if (!root.has("properties")) root.putObject("properties");
        reorder(root);
        return writer.finish(root);
    }

    private boolean isUnionOfObjects(Type type, int depth) {
        if (depth > 32) return false;
        return switch (type) {
            case Type.Union u -> u.members().stream().allMatch(m -> table.asObject(m) != null || isUnionOfObjects(m, depth + 1));
            case Type.Ref r when table.lookup(r.name()) instanceof dev.paddock.tooldefs.model.Declaration.Alias
                    -> isUnionOfObjects(table.expand(r), depth + 1);
            default -> false;
        };
    }

    /** {@code @param input.field text} describes a field of the object parameter {@code input}. */
    private static void describeFields(JsonNode schema, String param, Map<String, String> docs, int offset) {
        docs.forEach((path, text) -> {
            if (!path.startsWith(param + ".")) return;
            JsonNode node = schema;
            for (String field : path.substring(param.length() + 1).split("\\.")) {
                node = node.path("properties").path(field);
            }
            if (!(node instanceof ObjectNode o)) {
                throw new ModelError(offset, "@param " + path + " names no field of '" + param
                        + "' (a field of a named type is documented in that type's declaration)");
            }
            if (!text.isEmpty()) o.put("description", text);
        });
    }

    /** Keeps the keywords in the order people expect to read them: type, properties, required, …. */
    private static void reorder(ObjectNode root) {
        ObjectNode copy = root.deepCopy();
        root.removeAll();
        for (String key : List.of("type", "description", "properties", "required", "additionalProperties")) {
            if (copy.has(key)) root.set(key, copy.remove(key));
        }
        root.setAll(copy);
    }
}
