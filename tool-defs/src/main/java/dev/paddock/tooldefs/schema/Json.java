package dev.paddock.tooldefs.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper and node factory of tool-defs. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.shared();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A number written in a JSDoc tag as a JSON number node (integral stays integral). */
    static JsonNode number(String text) {
        if (text.matches("-?\\d{1,18}")) return integer(Long.parseLong(text));
        return NODES.numberNode(Double.parseDouble(text));
    }

    /** An int node when the value fits, as the parser would produce, so parsed and built trees compare equal. */
    static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** A {@code @default} value: JSON when it parses as JSON, a string otherwise. */
    static JsonNode value(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (RuntimeException e) {
            return NODES.stringNode(text);
        }
    }
}
