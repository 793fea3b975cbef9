package dev.paddock.capability;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares a record a capability method takes with the object type its TypeScript declares, nested records
 * and lists of records included. Jackson fills a component no property matches with null and drops a
 * property no component matches, so without this check {@code record City(String town)} for
 * {@code {city: string}} starts fine and fails at the first call, far from the cause. Only closed object
 * types with named properties are compared; unions, maps and trees are left to the call-time schema check.
 */
final class RecordShapes {
    private final JsonNode root;
    private final List<String> problems;
    private final Set<String> compared = new HashSet<>();

    private RecordShapes(JsonNode root, List<String> problems) {
        this.root = root;
        this.problems = problems;
    }

    /**
     * Adds a problem for each record in {@code type} whose components are not the declared properties.
     *
     * @param where  how the agent reaches the value, for messages: {@code weather.high(input)}
     * @param schema the parameter's JSON Schema, {@code $ref}s relative to {@code root}
     */
    static void compare(String where, Type type, JsonNode schema, JsonNode root, List<String> problems) {
        new RecordShapes(root, problems).value(where, type, schema);
    }

    private void value(String where, Type type, JsonNode schema) {
        JsonNode declared = resolve(schema);
        if (type instanceof Class<?> record && record.isRecord()) {
            object(where, record, declared);
        } else if (elementType(type) instanceof Type element && "array".equals(declared.path("type").asString(""))) {
            value(where + "[]", element, declared.path("items"));
        }
    }

    private void object(String where, Class<?> record, JsonNode declared) {
        JsonNode properties = declared.path("properties");
        boolean closed = "object".equals(declared.path("type").asString("")) && properties.isObject()
                && declared.path("additionalProperties").isBoolean() && !declared.path("additionalProperties").asBoolean();
        // A recursive type meets the same pair again: compared once is enough.
        if (!closed || !compared.add(record.getName() + " " + declared)) return;
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) components.put(jsonName(record, component), component);
        List<String> undeclared = new ArrayList<>();
        components.keySet().stream().filter(name -> !properties.has(name)).forEach(undeclared::add);
        List<String> unread = properties.propertyNames().stream().filter(name -> !components.containsKey(name)).toList();
        if (!undeclared.isEmpty() || !unread.isEmpty()) {
            String javaName = record.getSimpleName();
            List<String> parts = new ArrayList<>();
            undeclared.forEach(name -> parts.add(javaName + "." + name + " has no declared property"));
            unread.forEach(name -> parts.add(name + " has no component in " + javaName));
            problems.add(where + ": " + String.join(", ", parts) + "; declared: "
                    + (properties.isEmpty() ? "no properties" : String.join(", ", properties.propertyNames()))
                    + " — make the record's components the declared property names");
            return;
        }
        components.forEach((name, component) ->
                value(where + "." + name, component.getGenericType(), properties.get(name)));
    }

    /** The element type of a {@code List<T>} (or other collection) or an array; null for anything else. */
    private static Type elementType(Type type) {
        if (type instanceof Class<?> array && array.isArray()) return array.getComponentType();
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Iterable.class.isAssignableFrom(raw) && generic.getActualTypeArguments().length == 1) {
            return generic.getActualTypeArguments()[0];
        }
        return null;
    }

    /** The name Jackson reads the component from: {@code @JsonProperty} on it, else its own. */
    private static String jsonName(Class<?> record, RecordComponent component) {
        try {
            JsonProperty renamed = record.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            if (renamed != null && !renamed.value().isEmpty()) return renamed.value();
        } catch (NoSuchFieldException e) {
            // Every record component has its field; nothing renamed it then.
        }
        return component.getName();
    }

    /** Follows a local {@code $ref} ({@code #/$defs/City}) to the schema it names. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 16 && current.path("$ref").isString(); hops++) {
            String ref = current.path("$ref").asString();
            if (!ref.startsWith("#")) break;
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
