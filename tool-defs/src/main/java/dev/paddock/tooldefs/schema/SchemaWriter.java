package dev.paddock.tooldefs.schema;

import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.ModelError;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.Type.*;
import dev.paddock.tooldefs.model.TypeTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Model → JSON Schema 2020-12 for one root schema. Every referenced declaration first goes to
 * {@code $defs}; {@link #finish} then inlines the ones used once, so only shared, recursive and
 * documented types stay behind a {@code $ref}. With {@code exact} set, object types without an index
 * signature get {@code additionalProperties: false} (tool input: an unknown key is a caller's mistake).
 */
final class SchemaWriter {


    private static final int MAX_DEFINITIONS = 200;

    private final TypeTable table;
    private final boolean exact;
    private final Map<String, ObjectNode> defs = new LinkedHashMap<>();
    /** Definitions whose declaration's JSDoc says something (a description, a constraint tag). */
    private final java.util.Set<String> documented = new java.util.HashSet<>();
    private int context = -1;
    /** Where a member's problem goes, so that one bad field does not hide the next one's. */
    private final List<ModelError> errors;

    SchemaWriter(TypeTable table, boolean exact, List<ModelError> errors) {
        this.table = table;
        this.exact = exact;
        this.errors = errors;
    }

    /** Where errors without a position of their own are reported (the member or parameter at hand). */
    void at(int offset) {
        context = offset;
    }

    ObjectNode schema(Type type) {
        return switch (type) {
            case Primitive p -> primitive(p.keyword());
            case Literal l -> {
                ObjectNode s = Json.object();
                s.set("const", literal(l.value()));
                yield s;
            }
            case Union u -> union(u);
            case ArrayOf a -> {
                ObjectNode s = typed("array");
                s.set("items", schema(a.element()));
                yield s;
            }
            case Tuple t -> tuple(t);
            case ObjectType o -> objectSchema(o);
            case Intersection i -> objectSchema(table.asObject(i));
            case Ref r -> reference(r);
            case Function f -> throw new ModelError(f.offset(), "function types cannot be passed as JSON: only methods of the tool interface can be functions");
            case Inexpressible x -> {
                ObjectNode s = Json.object();
                s.put("$comment", x.reason());
                yield s;
            }
        };
    }

    ObjectNode objectSchema(ObjectType o) {
        ObjectNode s = typed("object");
        ObjectNode properties = Json.object();
        ArrayNode required = Json.NODES.arrayNode();
        for (Member m : o.members()) {
            int saved = context;
            context = m.offset();
            try {
                if (m.type() instanceof Function) {
                    throw new ModelError(m.offset(), "'" + m.name() + "' is a function: functions cannot be passed as JSON");
                }
                properties.set(m.name(), property(m.type(), m.doc()));
                if (!m.optional() && !admitsUndefined(m.type())) required.add(m.name());
            } catch (ModelError e) {
                errors.add(e);
            } finally {
                context = saved;
            }
        }
        if (!properties.isEmpty()) s.set("properties", properties);
        if (!required.isEmpty()) s.set("required", required);
        if (o.indexValue() != null) {
            s.set("additionalProperties", property(o.indexValue(), o.indexDoc()));
        } else if (exact) {
            s.put("additionalProperties", false);
        }
        return s;
    }

    /** The schema of a property or parameter: undefined removed, JSDoc turned into keywords. */
    ObjectNode property(Type type, Doc doc) {
        checkTags(type, doc, context);
        ObjectNode s = schema(withoutUndefined(type));
        annotate(s, doc);
        return s;
    }

    private static void checkTags(Type type, Doc doc, int offset) {
        List<String> kinds = kinds(type);
        for (String tag : doc.tags().keySet()) {
            if (kinds != null && !Doc.constrains(tag, kinds)) {
                String kind = Doc.constrainedKind(tag);
                throw new ModelError(offset, "@" + tag + " constrains " + (kind.equals("array") ? "arrays" : kind + "s")
                        + ", but this value is " + String.join(" or ", kinds));
            }
        }
    }

    /**
     * The JSON types a value of {@code type} has, as far as the type itself says (null when it does not:
     * a reference to a declaration, {@code unknown}). A constraint tag for another kind of value
     * ({@code @maximum} on a string) would be ignored by every validator while its author believes the
     * value checked, so {@link #property} refuses it, and the schema reader keeps such a keyword as text.
     */
    static List<String> kinds(Type type) {
        return switch (type) {
            case Primitive p -> switch (p.keyword()) {
                case STRING, NUMBER, BOOLEAN, NULL, OBJECT -> List.of(p.keyword().text());
                default -> null;
            };
            case Literal l -> List.of(l.value() instanceof String ? "string" : l.value() instanceof Boolean ? "boolean" : "number");
            case ArrayOf a -> List.of("array");
            case Tuple t -> List.of("array");
            case ObjectType o -> List.of("object");
            case Intersection i -> List.of("object");
            case Ref r when r.name().equals("integer") -> List.of("integer");
            case Ref r when List.of("Record", "Partial", "Pick", "Omit").contains(r.name()) -> List.of("object");
            case Union u -> {
                List<Type> members = new ArrayList<>();
                flatten(u, members);
                members.removeIf(SchemaWriter::isUndefined);
                List<String> kinds = new ArrayList<>();
                for (Type m : members) {
                    List<String> k = kinds(m);
                    if (k == null) yield null;
                    k.stream().filter(x -> !kinds.contains(x)).forEach(kinds::add);
                }
                yield kinds;
            }
            default -> null;
        };
    }

    /** Adds what a JSDoc says to a schema: description, deprecated and the constraint tags. */
    static void annotate(ObjectNode s, Doc doc) {
        if (!doc.summary().isEmpty()) s.put("description", doc.summary());
        if (doc.deprecated() != null) s.put("deprecated", true);
        doc.tags().forEach((tag, value) -> s.set(tag, switch (tag) {
            case "pattern", "format" -> Json.NODES.stringNode(value);
            case "default" -> Json.value(value);
            default -> Doc.COUNT_TAGS.contains(tag) ? Json.NODES.numberNode(Integer.parseInt(value)) : Json.number(value);
        }));
    }

    /** Adds {@code $defs} to the root, inlining definitions that are used once and not recursively. */
    ObjectNode finish(ObjectNode root) {
        String inlined;
        do {
            inlined = null;
            Map<String, Integer> uses = new java.util.HashMap<>();
            countRefs(root, uses);
            for (ObjectNode def : defs.values()) countRefs(def, uses);
            for (var e : defs.entrySet()) {
                String ref = "#/$defs/" + e.getKey();
                // Recursive and documented definitions keep their name: inlined, a declaration's JSDoc
                // would land where TypeScript cannot carry it (an array's items, a union member).
                if (uses.getOrDefault(ref, 0) <= 1 && !e.getValue().has("description") && !documented.contains(e.getKey())
                        && !refersTo(e.getValue(), ref)) {
                    inlined = e.getKey();
                    break;
                }
            }
            if (inlined != null) {
                ObjectNode def = defs.remove(inlined);
                String ref = "#/$defs/" + inlined;
                inline(root, ref, def);
                for (ObjectNode other : defs.values()) inline(other, ref, def);
            }
        } while (inlined != null);
        if (!defs.isEmpty()) {
            ObjectNode d = Json.object();
            defs.forEach(d::set);
            root.set("$defs", d);
        }
        return root;
    }

    private ObjectNode reference(Ref r) {
        switch (r.name()) {
            case "Promise" -> throw new ModelError(r.offset(), "Promise<T> is allowed only as a method's return type");
            case "Readonly" -> {
                return schema(r.args().getFirst());
            }
            case "Record", "Partial", "Pick", "Omit" -> {
                return objectSchema(table.asObject(r));
            }
            default -> { }
        }
        if (r.name().contains(".")) return schema(table.expand(r));
        Declaration d = table.lookup(r.name());
        if (d == null) throw new ModelError(r.offset(), "unknown type '" + r.name() + "'");
        if (isIntegerAlias(d)) return typed("integer");
        String key = defKey(r);
        if (!defs.containsKey(key)) {
            // Only generic instantiations can grow without end; plain declarations are bounded by the file.
            if (!r.args().isEmpty() && defs.size() >= MAX_DEFINITIONS) {
                throw new ModelError(r.offset(), "'" + r.name() + "' expands into more than " + MAX_DEFINITIONS
                        + " distinct types: a generic type that grows at every level cannot be written as JSON Schema");
            }
            ObjectNode def = Json.object();
            defs.put(key, def);
            Type expanded = table.expand(r);
            def.setAll(schema(expanded));
            // A declaration's JSDoc holds for every use: `/** @format email */ type Email = string`.
            checkTags(expanded, d.doc(), d.offset());
            ObjectNode doc = Json.object();
            annotate(doc, d.doc());
            if (def.has("description")) doc.remove("description");
            def.setAll(doc);
            if (!doc.isEmpty()) documented.add(key);
        }
        ObjectNode s = Json.object();
        s.put("$ref", "#/$defs/" + key);
        return s;
    }

    /**
     * {@code type integer = number;} is how TypeScript says "integer": the alias stands for JSON
     * Schema's {@code integer} wherever it is used.
     */
    static boolean isIntegerAlias(Declaration d) {
        return d instanceof Declaration.Alias a && a.name().equals("integer") && a.typeParams().isEmpty()
                && a.type() instanceof Primitive p && p.keyword() == Keyword.NUMBER;
    }

    private String defKey(Type type) {
        return switch (type) {
            case Ref r -> {
                StringBuilder key = new StringBuilder(r.name());
                for (Type a : r.args()) key.append('_').append(defKey(a));
                yield key.toString();
            }
            case Primitive p -> p.keyword().text();
            case ArrayOf a -> defKey(a.element()) + "Array";
            case Literal l -> String.valueOf(l.value()).replaceAll("[^A-Za-z0-9_]", "_");
            default -> "T" + defs.size();
        };
    }

    private ObjectNode primitive(Keyword keyword) {
        return switch (keyword) {
            case STRING, NUMBER, BOOLEAN, NULL, OBJECT -> typed(keyword.text());
            case UNKNOWN, ANY -> Json.object();
            case NEVER -> {
                ObjectNode s = Json.object();
                s.set("not", Json.object());
                yield s;
            }
            case UNDEFINED, VOID -> throw new ModelError(context, "'" + keyword.text()
                    + "' has no JSON value: use it only in an optional property's union or as a return type");
        };
    }

    private ObjectNode union(Union u) {
        List<Type> members = new ArrayList<>();
        flatten(u, members);
        members.removeIf(SchemaWriter::isUndefined);
        // Enum members are literals: Kind.A | Kind.B is the enum ["a", "b"], as its rendering "a" | "b" is.
        members.replaceAll(m -> m instanceof Ref r && r.name().contains(".") ? table.expand(r) : m);
        if (members.isEmpty()) return primitive(Keyword.UNDEFINED);
        if (members.size() == 1) return schema(members.getFirst());
        if (members.stream().allMatch(m -> m instanceof Literal)) {
            ObjectNode s = Json.object();
            ArrayNode values = s.putArray("enum");
            members.forEach(m -> values.add(literal(((Literal) m).value())));
            return s;
        }
        List<ObjectNode> schemas = members.stream().map(this::schema).toList();
        if (schemas.stream().allMatch(m -> m.size() == 1 && m.path("type").isString())) {
            ObjectNode s = Json.object();
            ArrayNode types = s.putArray("type");
            schemas.forEach(m -> types.add(m.get("type")));
            return s;
        }
        ObjectNode s = Json.object();
        ArrayNode anyOf = s.putArray("anyOf");
        List<Type> literals = members.stream().filter(m -> m instanceof Literal).toList();
        boolean literalsDone = false;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) instanceof Literal && literals.size() > 1) {
                if (!literalsDone) anyOf.add(schema(new Union(literals)));
                literalsDone = true;
            } else {
                anyOf.add(schemas.get(i));
            }
        }
        return s;
    }

    private ObjectNode tuple(Tuple t) {
        ObjectNode s = typed("array");
        ArrayNode prefix = Json.NODES.arrayNode();
        int required = 0;
        Type rest = null;
        for (Element e : t.elements()) {
            if (e.rest()) {
                rest = ((ArrayOf) e.type()).element();
            } else {
                prefix.add(schema(e.type()));
                if (!e.optional()) required++;
            }
        }
        if (!prefix.isEmpty()) s.set("prefixItems", prefix);
        if (required > 0) s.put("minItems", required);
        if (rest != null) s.set("items", schema(rest));
        else s.put("items", false);
        return s;
    }

    private static void flatten(Type type, List<Type> into) {
        if (type instanceof Union u) u.members().forEach(m -> flatten(m, into));
        else into.add(type);
    }

    static boolean admitsUndefined(Type type) {
        if (isUndefined(type)) return true;
        return type instanceof Union u && u.members().stream().anyMatch(SchemaWriter::admitsUndefined);
    }

    private static Type withoutUndefined(Type type) {
        if (!(type instanceof Union u) || !admitsUndefined(type)) return type;
        List<Type> members = new ArrayList<>();
        flatten(u, members);
        members.removeIf(SchemaWriter::isUndefined);
        return members.size() == 1 ? members.getFirst() : new Union(members);
    }

    private static boolean isUndefined(Type type) {
        return type instanceof Primitive p && (p.keyword() == Keyword.UNDEFINED || p.keyword() == Keyword.VOID);
    }

    private static ObjectNode typed(String type) {
        ObjectNode s = Json.object();
        s.put("type", type);
        return s;
    }

    private static JsonNode literal(Object value) {
        return switch (value) {
            case String str -> Json.NODES.stringNode(str);
            case Boolean b -> Json.NODES.booleanNode(b);
            case Long l -> Json.integer(l);
            case Double d -> Json.NODES.numberNode(d);
            default -> throw new IllegalStateException("literal of type " + value.getClass());
        };
    }

    private static void countRefs(JsonNode node, Map<String, Integer> uses) {
        if (node.isObject() && node.path("$ref").isString()) uses.merge(node.get("$ref").asString(), 1, Integer::sum);
        for (JsonNode child : node) countRefs(child, uses);
    }

    private static boolean refersTo(JsonNode node, String ref) {
        if (node.isObject() && ref.equals(node.path("$ref").asString(null))) return true;
        for (JsonNode child : node) {
            if (refersTo(child, ref)) return true;
        }
        return false;
    }

    /** Replaces each {@code {"$ref": ref, …siblings}} with the definition, siblings winning. */
    private static void inline(JsonNode node, String ref, ObjectNode def) {
        if (node instanceof ObjectNode o && ref.equals(o.path("$ref").asString(null))) {
            o.remove("$ref");
            ObjectNode merged = def.deepCopy();
            merged.setAll(o);
            o.removeAll();
            o.setAll(merged);
        }
        for (JsonNode child : node) inline(child, ref, def);
    }
}
