package dev.paddock.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape of paddock.json, checked against {@code paddock.schema.json}: the schema editors use is the one
 * the server enforces, so the two cannot drift. Every violation is reported in one run, in file order, at
 * its line and column. A schema's {@code errorMessage} (keyword → text, as in ajv-errors) words a value's
 * rule for the person editing the file; the other keywords get a generic message here. What a schema
 * cannot say (folders exist, environment variables are set, a token names a defined profile) is checked
 * by whoever reads that part of the config.
 */
final class ConfigSchema {
    private static final String RESOURCE = "/paddock.schema.json";
    private static final JsonNode SCHEMA_JSON = read();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().errorMessageKeyword("errorMessage").build()))
            .getSchema(SCHEMA_JSON);

    private ConfigSchema() {}

    /**
     * The file's shape mistakes, and the file without the values they are about, so the checks that come
     * after the schema's can still run on the rest of it and one run names every mistake. A rejected value is
     * removed whole: an array with a rejected element goes as a whole (removing only the element would
     * shift the paths of the others away from their lines), and so does an object missing a required key.
     */
    static Checked check(LocatedJson json) {
        List<Error> errors = SCHEMA.validate(json.root());
        if (errors.isEmpty()) return new Checked(List.of(), json.root());
        JsonNode valid = json.root().deepCopy();
        for (Error error : errors) prune(valid, rejected(error));
        return new Checked(errors.stream().map(error -> problem(json, error)).distinct().sorted().toList(), valid);
    }

    /** @param valid the document without the values the schema rejected; the whole document if none was */
    record Checked(List<LocatedJson.Problem> problems, JsonNode valid) {}

    /** The path, as names and indexes, of the value an error rejects. */
    private static List<Object> rejected(Error error) {
        NodePath location = error.getInstanceLocation();
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            steps.add(location.getElement(i) instanceof Integer index ? index : location.getName(i));
        }
        boolean aboutAKey = error.getKeyword().equals("additionalProperties") || error.getKeyword().equals("propertyNames");
        if (aboutAKey && error.getProperty() != null) steps.add(error.getProperty());
        return steps;
    }

    /** Removes the value at {@code steps}, or the array holding it, from {@code root}; the root itself stays. */
    private static void prune(JsonNode root, List<Object> steps) {
        int keep = steps.size();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Integer) {
                keep = i;
                break;
            }
        }
        if (keep < 1) {
            if (root instanceof ObjectNode object) object.removeAll();
            return;
        }
        JsonNode parent = root;
        for (Object step : steps.subList(0, keep - 1)) parent = parent.path((String) step);
        if (parent instanceof ObjectNode object) object.remove((String) steps.get(keep - 1));
    }

    private static LocatedJson.Problem problem(LocatedJson json, Error error) {
        String path = path(error.getInstanceLocation());
        JsonNode rule = schemaAt(error.getSchemaLocation().getFragment().getParent());
        if (error.getKeyword().equals("propertyNames")) {
            String name = error.getProperty();
            return json.problemAtKey(LocatedJson.child(path, name), "\"" + name + "\" in " + path + " "
                    + (rule.path("errorMessage").has("propertyNames") ? error.getMessage() : "is not a valid name"));
        }
        if (rule.path("errorMessage").has(error.getKeyword())) {
            return json.problemAtValue(path, sentence(path, error.getMessage()));
        }
        return switch (error.getKeyword()) {
            case "additionalProperties" -> {
                String at = LocatedJson.child(path, error.getProperty());
                yield json.problemAtKey(at, "unknown key \"" + error.getProperty() + "\" "
                        + (path.isEmpty() ? "at the top level" : "in " + path)
                        + " (known keys: " + String.join(", ", knownKeys(rule)) + ")");
            }
            case "required" -> json.problemAtValue(path, LocatedJson.child(path, error.getProperty())
                    + " is required" + described(rule.path("properties").path(error.getProperty())));
            case "type" -> json.problemAtValue(path, sentence(path, "must be " + article(error.getSchemaNode())
                    + " (got " + kind(error.getInstanceNode()) + ")"));
            default -> json.problemAtValue(path, sentence(path, error.getMessage()));
        };
    }

    /** {@code profiles.ci.egress.rules[0].url} for the validator's {@code /profiles/ci/egress/rules/0/url}. */
    private static String path(NodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            path = location.getElement(i) instanceof Integer index ? LocatedJson.element(path, index)
                    : LocatedJson.child(path, location.getName(i));
        }
        return path;
    }

    private static JsonNode schemaAt(NodePath fragment) {
        JsonNode node = SCHEMA_JSON;
        for (int i = 0; fragment != null && i < fragment.getNameCount(); i++) {
            node = fragment.getElement(i) instanceof Integer index ? node.path(index) : node.path(fragment.getName(i));
        }
        return node;
    }

    private static String sentence(String path, String problem) {
        return path.isEmpty() ? problem : path + " " + problem;
    }

    private static String described(JsonNode property) {
        String description = property.path("description").asString("");
        return description.isEmpty() ? "" : " (" + description + ")";
    }

    private static String article(JsonNode type) {
        String name = type.asString();
        return name.equals("object") || name.equals("array") || name.equals("integer") ? "an " + name : "a " + name;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        if (node.isBoolean()) return "true or false";
        if (node.isNumber()) return "a number";
        return "a string";
    }

    private static JsonNode read() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys a section takes; removed ones stay in the schema only to explain themselves. */
    private static List<String> knownKeys(JsonNode rule) {
        JsonNode properties = rule.path("properties");
        return properties.propertyNames().stream().filter(key -> !properties.path(key).path("deprecated").asBoolean(false)).toList();
    }
}
