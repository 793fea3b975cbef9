package dev.paddock.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON document as a tree, plus where each value and key stands in the text, addressed by JSON path
 * ({@code capabilities.files.root}, {@code plugins[0]}). Lets every part of the config — including
 * settings read later by capability providers — report mistakes at their line and column.
 */
final class LocatedJson {
    /** {@code //} and block comments are allowed: the starter file `paddock init` writes explains itself. */
    private static final ObjectReader WITH_COMMENTS = JsonMapper.shared().reader().with(JsonReadFeature.ALLOW_JAVA_COMMENTS);
    /** VS Code's mcp.json is JSONC: comments and trailing commas; other clients' files are read the same way. */
    private static final ObjectReader JSONC = WITH_COMMENTS.with(JsonReadFeature.ALLOW_TRAILING_COMMA);

    private final String fileName;
    private final JsonNode root;
    private final Map<String, TokenStreamLocation> values;
    private final Map<String, TokenStreamLocation> keys;

    private LocatedJson(String fileName, JsonNode root, Map<String, TokenStreamLocation> values,
            Map<String, TokenStreamLocation> keys) {
        this.fileName = fileName;
        this.root = root;
        this.values = values;
        this.keys = keys;
    }

    static LocatedJson parse(String fileName, String text) throws ConfigException {
        return parse(WITH_COMMENTS, fileName, text);
    }

    /** {@link #parse} allowing trailing commas too, for MCP clients' config files. */
    static LocatedJson parseJsonc(String fileName, String text) throws ConfigException {
        return parse(JSONC, fileName, text);
    }

    private static LocatedJson parse(ObjectReader reader, String fileName, String text) throws ConfigException {
        var builder = new Builder(fileName);
        try (JsonParser parser = reader.createParser(text)) {
            if (parser.nextToken() == null) throw new ConfigException(fileName + ":1:1: the config file is empty");
            JsonNode root = builder.value(parser, "");
            if (parser.nextToken() != null) throw builder.error(parser.currentTokenLocation(), "unexpected content after the config object");
            return new LocatedJson(fileName, root, builder.values, builder.keys);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? fileName : fileName + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where + ": invalid JSON: " + e.getOriginalMessage());
        }
    }

    JsonNode root() {
        return root;
    }

    /** The same file's locations over {@code part}, a copy of the root with some values removed. */
    LocatedJson withRoot(JsonNode part) {
        return new LocatedJson(fileName, part, values, keys);
    }

    /** {@link #problemAtValue} as an exception, for the checks that run after the schema's. */
    ConfigException atValue(String path, String message) {
        return new ConfigException(List.of(problemAtValue(path, message)));
    }

    /** A mistake at the value under {@code path} (or at the nearest enclosing value that has a place). */
    Problem problemAtValue(String path, String message) {
        return problem(values, path, message);
    }

    /** A mistake at the key of {@code path}, for keys that should not be there. */
    Problem problemAtKey(String path, String message) {
        return problem(keys.containsKey(path) ? keys : values, path, message);
    }

    private Problem problem(Map<String, TokenStreamLocation> locations, String path, String message) {
        String p = path;
        while (!locations.containsKey(p) && !p.isEmpty()) p = parent(p);
        TokenStreamLocation at = locations.getOrDefault(p, values.get(""));
        return at == null ? new Problem(fileName, 0, 0, message) : new Problem(fileName, at.getLineNr(), at.getColumnNr(), message);
    }

    /**
     * One mistake in the file; problems sort in reading order, so a list of them reads top to bottom. A
     * mistake found outside any file ({@code fileName} null) is just its message.
     */
    record Problem(String fileName, int line, int column, String message) implements Comparable<Problem> {
        static Problem unlocated(String message) {
            return new Problem(null, 0, 0, message);
        }

        @Override
        public int compareTo(Problem other) {
            return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
        }

        /** {@code file:line:column}, or just the file when the place is unknown. */
        String place() {
            return line == 0 ? String.valueOf(fileName) : fileName + ":" + line + ":" + column;
        }

        @Override
        public String toString() {
            return fileName == null ? message : place() + ": " + message;
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static final class Builder {
        private final String fileName;
        private final Map<String, TokenStreamLocation> values = new HashMap<>();
        private final Map<String, TokenStreamLocation> keys = new HashMap<>();

        Builder(String fileName) {
            this.fileName = fileName;
        }

        JsonNode value(JsonParser parser, String path) throws ConfigException {
            values.put(path, parser.currentTokenLocation());
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    String keyPath = child(path, key);
                    if (object.has(key)) throw error(parser.currentTokenLocation(), keyPath + " appears twice");
                    keys.put(keyPath, parser.currentTokenLocation());
                    parser.nextToken();
                    object.set(key, value(parser, keyPath));
                }
                return object;
            }
            if (token == JsonToken.START_ARRAY) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, element(path, index++)));
                }
                return array;
            }
            return scalar(parser, token);
        }

        private static JsonNode scalar(JsonParser parser, JsonToken token) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            return switch (token) {
                case VALUE_STRING -> nodes.stringNode(parser.getString());
                case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> nodes.booleanNode(true);
                case VALUE_FALSE -> nodes.booleanNode(false);
                default -> nodes.nullNode();
            };
        }

        ConfigException error(TokenStreamLocation at, String message) {
            return new ConfigException(fileName + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
        }
    }
}
