package dev.paddock.tooldefs.schema;

import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.Param;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.Type.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schema (of upstream MCP tools) → model. Local {@code $defs} become shared type aliases, declared
 * once across all tools when their content is equal; references become names, so cycles cost nothing.
 * What TypeScript cannot say becomes {@link Inexpressible} ({@code unknown} plus the reason).
 */
public final class SchemaReader {

    private static final int MAX_DEPTH = 32;

    private final List<Declaration> aliases = new ArrayList<>();
    private final Map<JsonNode, String> aliasByContent = new HashMap<>();
    private final Set<String> typeNames = new HashSet<>();
    /** Aliases whose definition is a plain object schema, so {@code allOf} may intersect them. */
    private final Set<String> objectDefs = new HashSet<>();
    private final Set<String> methodNames = new HashSet<>();
    private final Map<String, String> toolNames = new LinkedHashMap<>();
    private final List<Member> methods = new ArrayList<>();
    private Map<String, String> localDefs = Map.of();

    /**
     * Reads a {@code tools/list} result ({@code {"tools": [...]}}), a bare array of tools, or the whole
     * JSON-RPC response that carries such a result (as saved from the wire).
     */
    public List<Declaration> read(JsonNode toolsList, String namespace) {
        JsonNode tools = toolsOf(toolsList);
        for (int i = 0; i < tools.size(); i++) {
            if (!tools.get(i).isObject()) {
                throw new IllegalArgumentException("tools[" + i + "] must be a tool object, found " + kind(tools.get(i)));
            }
            tool(tools.get(i));
        }
        new SharedTypes(aliases, methods, typeNames).hoist();
        List<Declaration> result = new ArrayList<>(aliases);
        result.add(new Declaration.Const(namespace, new ObjectType(methods), Doc.EMPTY, 0));
        return result;
    }

    /** The tools array; anything else is refused with what was found instead. */
    private static JsonNode toolsOf(JsonNode json) {
        if (json.isArray()) return json;
        if (json.isObject() && !json.has("tools") && json.has("jsonrpc")) {
            if (json.has("error")) {
                JsonNode error = json.get("error");
                throw new IllegalArgumentException("a JSON-RPC error response, not a tools/list result: "
                        + error.path("message").asString(error.toString()) + " (code " + error.path("code").asString("?")
                        + "); save the response of a successful tools/list call");
            }
            if (json.path("result").isObject()) return toolsOf(json.get("result"));
        }
        JsonNode tools = json.path("tools");
        if (tools.isArray()) return tools;
        if (!tools.isMissingNode()) throw new IllegalArgumentException("\"tools\" must be an array of tools, found " + kind(tools));
        throw new IllegalArgumentException("expected a tools/list result {\"tools\": [...]}, a JSON-RPC response "
                + "with one as its \"result\", or an array of tools; found " + (json.isObject()
                ? "an object with " + (json.isEmpty() ? "no keys" : "keys " + String.join(", ", json.propertyNames()))
                : kind(json)));
    }

    private static String kind(JsonNode json) {
        return switch (json.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> json.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Method name → upstream tool name, for every method. */
    public Map<String, String> toolNames() {
        return toolNames;
    }

    private void tool(JsonNode tool) {
        String toolName = tool.path("name").asString("");
        if (toolName.isEmpty()) throw new IllegalArgumentException("a tool without a name: " + tool);
        String method = Identifiers.unique(Identifiers.sanitize(toolName), methodNames);
        toolNames.put(method, toolName);

        JsonNode input = tool.path("inputSchema");
        JsonNode output = tool.path("outputSchema");
        localDefs = new HashMap<>();
        declareDefs(input);
        declareDefs(output);

        List<Param> params = new ArrayList<>();
        Type inputType = input.isObject() ? convert(input, 0) : new Primitive(Keyword.UNKNOWN);
        boolean empty = inputType instanceof ObjectType o && o.members().isEmpty() && o.indexValue() == null
                || inputType instanceof Primitive p && p.keyword() == Keyword.OBJECT;
        if (!empty) {
            boolean optional = inputType instanceof ObjectType o && o.members().stream().allMatch(Member::optional);
            params.add(new Param("input", inputType, optional, false, 0));
        }
        Type outputType = output.isObject() ? convert(output, 0) : new Primitive(Keyword.UNKNOWN);
        Type returns = new Ref("Promise", List.of(outputType), 0);
        String description = tool.path("description").asString("");
        methods.add(new Member(method, new Function(params, returns, 0), false, false, true,
                Doc.summary(description), 0));
    }

    /** Names every definition of a tool schema first, so references (recursive ones too) resolve. */
    private void declareDefs(JsonNode schema) {
        for (String section : List.of("$defs", "definitions")) {
            JsonNode defs = schema.path(section);
            List<Map.Entry<String, JsonNode>> fresh = new ArrayList<>();
            for (Map.Entry<String, JsonNode> def : defs.properties()) {
                String ref = "#/" + section + "/" + def.getKey();
                JsonNode key = normalized(def.getValue());
                String existing = aliasByContent.get(key);
                if (existing != null) {
                    localDefs.put(ref, existing);
                } else {
                    String name = Identifiers.unique(Identifiers.typeName(def.getKey()), typeNames);
                    aliasByContent.put(key, name);
                    localDefs.put(ref, name);
                    if (isPlainObject(def.getValue())) objectDefs.add(name);
                    fresh.add(def);
                }
            }
            for (Map.Entry<String, JsonNode> def : fresh) {
                String name = localDefs.get("#/" + section + "/" + def.getKey());
                Type type = convert(def.getValue(), 0);
                aliases.add(new Declaration.Alias(name, List.of(), type, false, doc(def.getValue(), type), 0));
            }
        }
    }

    /** {@code integer}, declared once as {@code type integer = number} (see SchemaWriter). */
    private Type integer() {
        if (typeNames.add("integer")) {
            aliases.add(new Declaration.Alias("integer", List.of(), new Primitive(Keyword.NUMBER), false, Doc.EMPTY, 0));
        }
        return new Ref("integer", List.of(), 0);
    }

    /** An object schema with no combinators: safe to intersect with other objects. */
    private static boolean isPlainObject(JsonNode s) {
        return (s.path("type").asString("").equals("object") || s.has("properties"))
                && !s.has("anyOf") && !s.has("oneOf") && !s.has("allOf") && !s.has("$ref") && !s.has("nullable");
    }

    /** Input and output flavours of one type differ only in {@code additionalProperties: false}. */
    private static JsonNode normalized(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o && o.path("additionalProperties").isBoolean()
                && !o.path("additionalProperties").booleanValue()) {
            o.remove("additionalProperties");
        }
        for (JsonNode child : node) strip(child);
    }

    Type convert(JsonNode s, int depth) {
        if (s.isBoolean()) return new Primitive(s.booleanValue() ? Keyword.UNKNOWN : Keyword.NEVER);
        if (!s.isObject()) return new Inexpressible("not a schema: " + s);
        if (depth > MAX_DEPTH) return new Inexpressible("nested deeper than " + MAX_DEPTH + " levels");
        Type type = convertBody(s, depth);
        if (s.path("nullable").asBoolean(false)) type = new Union(List.of(type, new Primitive(Keyword.NULL)));
        return type;
    }

    private Type convertBody(JsonNode s, int depth) {
        if (s.has("$ref")) {
            String ref = s.path("$ref").asString("");
            String name = localDefs.get(ref);
            return name != null ? new Ref(name, List.of(), 0)
                    : new Inexpressible("$ref " + ref + " is not a local definition");
        }
        if (s.has("const")) return literalOrWhy(s.get("const"));
        if (s.path("enum").isArray()) {
            List<Type> values = new ArrayList<>();
            for (JsonNode v : s.get("enum")) values.add(literalOrWhy(v));
            return union(values);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (s.path(combinator).isArray() && !constraintsOnly(s.get(combinator))) {
                List<Type> members = new ArrayList<>();
                for (JsonNode m : s.get(combinator)) members.add(convert(m, depth + 1));
                return s.has("properties") ? withBase(s, combinator, members, depth) : union(members);
            }
        }
        if (s.path("allOf").isArray()) return allOf(s, depth);
        if (s.has("not")) {
            return s.get("not").isEmpty() ? new Primitive(Keyword.NEVER) : new Inexpressible("'not' has no TypeScript form");
        }
        JsonNode type = s.path("type");
        if (type.isArray()) {
            List<Type> members = new ArrayList<>();
            for (JsonNode t : type) {
                ObjectNode single = (ObjectNode) s.deepCopy();
                single.set("type", t);
                members.add(convertBody(single, depth));
            }
            return union(members);
        }
        String t = type.asString("");
        if (t.isEmpty()) {
            if (s.has("properties") || s.has("additionalProperties") || s.has("patternProperties")) t = "object";
            else if (s.has("items") || s.has("prefixItems")) t = "array";
        }
        return switch (t) {
            case "string" -> new Primitive(Keyword.STRING);
            case "number" -> new Primitive(Keyword.NUMBER);
            case "integer" -> integer();
            case "boolean" -> new Primitive(Keyword.BOOLEAN);
            case "null" -> new Primitive(Keyword.NULL);
            case "object" -> s.has("properties") || s.has("additionalProperties") || s.has("patternProperties")
                    ? object(s, depth) : new Primitive(Keyword.OBJECT);
            case "array" -> array(s, depth);
            case "" -> new Primitive(Keyword.UNKNOWN);
            default -> new Inexpressible("unknown JSON Schema type '" + t + "'");
        };
    }

    /** {@code anyOf: [{required: [a]}, {required: [b]}]} only constrains the object it sits on. */
    private static boolean constraintsOnly(JsonNode members) {
        for (JsonNode m : members) {
            for (String k : List.of("type", "$ref", "const", "enum", "properties", "items", "anyOf", "oneOf", "allOf")) {
                if (m.has(k)) return false;
            }
        }
        return true;
    }

    /**
     * {@code {properties: P, anyOf: [A, B]}} is {@code (P & A) | (P & B)}: each alternative gets the
     * shared properties, so the type stays a union of plain objects.
     */
    private Type withBase(JsonNode s, String combinator, List<Type> members, int depth) {
        ObjectNode base = (ObjectNode) s.deepCopy();
        base.remove(combinator);
        if (!(convertBody(base, depth) instanceof ObjectType b) || !members.stream().allMatch(m -> m instanceof ObjectType)) {
            return new Inexpressible(combinator + " beside properties, with alternatives that are not objects");
        }
        return union(members.stream().<Type>map(m -> {
            List<Member> merged = new ArrayList<>(b.members());
            for (Member extra : ((ObjectType) m).members()) {
                merged.removeIf(existing -> existing.name().equals(extra.name()));
                merged.add(extra);
            }
            return new ObjectType(merged, b.indexValue(), b.indexDoc());
        }).toList());
    }

    private Type allOf(JsonNode s, int depth) {
        List<Type> parts = new ArrayList<>();
        for (JsonNode m : s.get("allOf")) parts.add(convert(m, depth + 1));
        if (s.has("properties") || s.has("type")) {
            ObjectNode base = (ObjectNode) s.deepCopy();
            base.remove("allOf");
            parts.addFirst(convertBody(base, depth));
        }
        if (parts.size() == 1) return parts.getFirst();
        if (parts.stream().allMatch(p -> p instanceof ObjectType || p instanceof Ref r && objectDefs.contains(r.name()))) {
            return new Intersection(parts, 0);
        }
        return new Inexpressible("allOf of schemas that are not all objects");
    }

    private Type object(JsonNode s, int depth) {
        Set<String> required = new HashSet<>();
        for (JsonNode r : s.path("required")) required.add(r.asString(""));
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            Type type = convert(p.getValue(), depth + 1);
            members.add(new Member(p.getKey(), type, !required.contains(p.getKey()), false, false, doc(p.getValue(), type), 0));
        }
        List<Type> index = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        Doc indexDoc = Doc.EMPTY;
        for (Map.Entry<String, JsonNode> p : s.path("patternProperties").properties()) {
            index.add(convert(p.getValue(), depth + 1));
            patterns.add("/" + p.getKey() + "/");
        }
        JsonNode additional = s.path("additionalProperties");
        if (additional.isObject()) {
            Type type = convert(additional, depth + 1);
            index.add(type);
            indexDoc = doc(additional, type);
        } else if (additional.isBoolean() && additional.booleanValue()) {
            index.add(new Primitive(Keyword.UNKNOWN));
        }
        if (!patterns.isEmpty()) {
            String keys = "keys match " + String.join(" or ", patterns);
            indexDoc = Doc.summary(indexDoc.summary().isEmpty() ? keys : indexDoc.summary() + "\n" + keys);
        }
        return new ObjectType(members, index.isEmpty() ? null : union(index), indexDoc);
    }

    private Type array(JsonNode s, int depth) {
        JsonNode items = s.path("items");
        if (!s.path("prefixItems").isArray()) {
            return new ArrayOf(items.isMissingNode() ? new Primitive(Keyword.UNKNOWN) : convert(items, depth + 1));
        }
        int minItems = s.path("minItems").asInt(0);
        List<Element> elements = new ArrayList<>();
        int i = 0;
        for (JsonNode item : s.get("prefixItems")) {
            elements.add(new Element(null, convert(item, depth + 1), i++ >= minItems, false));
        }
        if (!(items.isBoolean() && !items.booleanValue())) {
            Type rest = items.isMissingNode() ? new Primitive(Keyword.UNKNOWN) : convert(items, depth + 1);
            elements.add(new Element(null, new ArrayOf(rest), false, true));
        }
        return new Tuple(elements);
    }

    /** Description and keywords as JSDoc; a keyword value JSDoc cannot carry as a tag stays in the text. */
    private static Doc doc(JsonNode s, Type type) {
        List<String> kinds = SchemaWriter.kinds(type);
        Map<String, String> tags = new LinkedHashMap<>();
        StringBuilder summary = new StringBuilder(s.path("description").asString(""));
        for (String tag : Doc.SCHEMA_TAGS) {
            JsonNode v = s.get(tag);
            if (v == null) continue;
            if (s.has("prefixItems") && (tag.equals("minItems") || tag.equals("maxItems"))) continue; // in the tuple
            String value = tag.equals("default") || !v.isValueNode() ? v.toString() : v.asString();
            // A keyword for another kind of value (a pattern on a number) constrains nothing; as a tag it
            // would be refused when the rendering is read back, so it stays readable in the text.
            boolean applies = kinds == null || Doc.constrains(tag, kinds);
            if (applies && Doc.invalidTagValue(tag, value) == null && !value.contains("\n")) {
                tags.put(tag, value);
            } else {
                summary.append(summary.isEmpty() ? "" : "\n").append(tag).append(": ").append(value);
            }
        }
        String deprecated = s.path("deprecated").asBoolean(false) ? "" : null;
        return new Doc(summary.toString(), Map.of(), null, deprecated, List.of(), tags);
    }

    private static Type literalOrWhy(JsonNode v) {
        if (v.isString()) return new Literal(v.asString());
        if (v.isBoolean()) return new Literal(v.booleanValue());
        if (v.isIntegralNumber() && v.canConvertToLong()) return new Literal(v.longValue());
        if (v.isNumber()) return new Literal(v.doubleValue());
        if (v.isNull()) return new Primitive(Keyword.NULL);
        return new Inexpressible("constant " + v + " has no literal type");
    }

    private static Type union(List<Type> members) {
        List<Type> distinct = members.stream().distinct().toList();
        return distinct.size() == 1 ? distinct.getFirst() : new Union(distinct);
    }
}
