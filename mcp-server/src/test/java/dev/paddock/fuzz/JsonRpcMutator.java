package dev.paddock.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic JSON-RPC fuzz input for any transport: each {@link #next()} is a valid MCP message with
 * zero or more mutations (truncation, wrong types, huge numbers, deep nesting, odd unicode, missing or
 * extra fields, duplicate ids and keys, wrong versions, batches, nulls, flipped characters). Every
 * message gets a fresh id unless a mutation reuses or breaks it, so replies can be matched one to one;
 * {@link #owedReplyId} says which lines a server must answer exactly once.
 */
public final class JsonRpcMutator {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = {"ping", "tools/list", "tools/call", "initialize", "resources/list",
            "prompts/list", "logging/setLevel", "no/such/method"};

    private static final String DEEP = "deep-params:";

    private final Random random;
    private final List<JsonNode> usedIds = new ArrayList<>();
    private int counter;

    public JsonRpcMutator(long seed) {
        this.random = new Random(seed);
    }

    /** The next line to send (without the newline). */
    public String next() {
        ObjectNode message = validMessage();
        int mutations = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(3);
        JsonNode tree = message;
        for (int i = 0; i < mutations && tree instanceof ObjectNode object; i++) tree = mutateTree(object);
        String line = deepen(JSON.writeValueAsString(tree));
        if (random.nextInt(8) == 0) line = mutateText(line);
        return line;
    }

    private ObjectNode validMessage() {
        ObjectNode m = NODES.objectNode();
        m.put("jsonrpc", "2.0");
        JsonNode id = random.nextBoolean() ? NODES.numberNode(1_000_000 + counter) : NODES.stringNode("fuzz-" + counter);
        counter++;
        m.set("id", id);
        usedIds.add(id);
        String method = METHODS[random.nextInt(METHODS.length)];
        m.put("method", method);
        ObjectNode params = m.putObject("params");
        switch (method) {
            case "tools/call" -> {
                params.put("name", "execute");
                ObjectNode args = params.putObject("arguments");
                args.put("code", random.nextBoolean() ? "1 + 2" : "return [" + counter + ", 'ok']");
                if (random.nextBoolean()) args.put("timeoutMs", 2000);
            }
            case "initialize" -> {
                params.put("protocolVersion", "2025-11-25");
                params.putObject("capabilities");
                params.putObject("clientInfo").put("name", "fuzz").put("version", "1");
            }
            case "logging/setLevel" -> params.put("level", "info");
            default -> { }
        }
        return m;
    }

    private JsonNode mutateTree(ObjectNode m) {
        String[] fields = {"jsonrpc", "id", "method", "params"};
        String field = fields[random.nextInt(fields.length)];
        return switch (random.nextInt(12)) {
            case 0 -> { m.remove(field); yield m; }
            case 1 -> { m.set(field, oddValue()); yield m; }
            case 2 -> { m.set("id", hugeNumber()); yield m; }
            case 3 -> { m.put("params", DEEP + (1 + random.nextInt(random.nextBoolean() ? 50 : 3000))); yield m; }
            case 4 -> { m.put("method", oddUnicode()); yield m; }
            case 5 -> { m.set("id", usedIds.get(random.nextInt(usedIds.size())).deepCopy()); yield m; }
            case 6 -> { m.set("jsonrpc", random.nextBoolean() ? NODES.stringNode(random.nextBoolean() ? "1.0" : "2") : NODES.numberNode(2.0)); yield m; }
            case 7 -> {
                ArrayNode batch = NODES.arrayNode();
                batch.add(m);
                if (random.nextBoolean()) batch.add(validMessage());
                yield batch;
            }
            case 8 -> { m.putNull(field); yield m; }
            case 9 -> { m.put("extra" + random.nextInt(3), oddUnicode()); yield m; }
            case 10 -> {
                JsonNode params = m.get("params");
                if (params instanceof ObjectNode p && p.get("arguments") instanceof ObjectNode args) {
                    args.set(random.nextBoolean() ? "code" : "timeoutMs", random.nextBoolean() ? oddValue() : hugeNumber());
                } else {
                    m.set("params", oddValue());
                }
                yield m;
            }
            default -> { m.set("result", oddValue()); yield m; }
        };
    }

    private String mutateText(String line) {
        return switch (random.nextInt(6)) {
            case 0 -> line.substring(0, random.nextInt(Math.max(1, line.length())));
            case 1 -> {
                int at = random.nextInt(line.length());
                yield line.substring(0, at) + (char) random.nextInt(0x80) + line.substring(at);
            }
            case 2 -> line.replaceFirst("\"id\"", "\"id\":0,\"id\"");
            case 3 -> random.nextBoolean() ? "" : "   \t ";
            case 4 -> line + line;
            default -> "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(1 + random.nextInt(400)) + ",\"method\":\"ping\"}";
        };
    }

    private JsonNode oddValue() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 4 -> NODES.arrayNode().add(1).add("two");
            case 5 -> NODES.objectNode().put("k", oddUnicode());
            case 6 -> NODES.stringNode("x".repeat(random.nextInt(100_000)));
            default -> NODES.stringNode(oddUnicode());
        };
    }

    private JsonNode hugeNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> NODES.numberNode(new java.math.BigInteger("9".repeat(30 + random.nextInt(300))));
            case 1 -> NODES.numberNode(Long.MIN_VALUE);
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            default -> NODES.numberNode(-0.0);
        };
    }

    private String oddUnicode() {
        String[] odd = {"\u0000", "\ud800", "\udfff\ud800", "\u202e", "😀", "\uFEFF", "é\u0301", "\n", "\\", "\"", "tools/list\u0000"};
        return "m" + odd[random.nextInt(odd.length)] + odd[random.nextInt(odd.length)];
    }

    /** Jackson refuses to write nesting past 500 levels, so deep params are spliced in as text. */
    private static String deepen(String line) {
        int at = line.indexOf("\"" + DEEP);
        if (at < 0) return line;
        int end = line.indexOf('"', at + 1);
        int depth = Integer.parseInt(line.substring(at + 1 + DEEP.length(), end));
        String nested = "[{\"a\":".repeat(depth / 2) + "{}" + "}]".repeat(depth / 2);
        return line.substring(0, at) + nested + line.substring(end + 1);
    }

    /**
     * The id a server must answer exactly once for this line, as {@link #idKey} spells it, or null when the
     * line is not a well-formed JSON-RPC request with a usable id (then at most error replies are owed).
     */
    public static String owedReplyId(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
        if (node == null || !node.isObject() || line.indexOf("\"id\"") != line.lastIndexOf("\"id\"")) return null;
        JsonNode id = node.get("id");
        if (id == null || !(id.isString() || id.isIntegralNumber() && id.canConvertToLong())) return null;
        if (!"2.0".equals(node.path("jsonrpc").asString(null)) || !node.path("method").isString()) return null;
        JsonNode params = node.get("params");
        if (params != null && !params.isObject() && !params.isArray()) return null;
        return idKey(id);
    }

    /**
     * The id of any JSON object line with a usable id, as {@link #idKey} spells it: the server may answer
     * it once (a request, or an invalid message whose id it could read), never more. Null otherwise.
     */
    public static String possibleReplyId(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode id = node == null || !node.isObject() ? null : node.get("id");
            return id != null && (id.isString() || id.isIntegralNumber() && id.canConvertToLong()) ? idKey(id) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** One spelling per id: numbers by value, strings quoted, so 7 and "7" stay apart. */
    public static String idKey(JsonNode id) {
        if (id == null || id.isNull()) return null;
        return id.isIntegralNumber() ? id.bigIntegerValue().toString() : id.isString() ? "\"" + id.asString() + "\"" : null;
    }
}
