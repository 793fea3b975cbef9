package dev.paddock.transport;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one message, a line on stdio or a POST body over HTTP, into a JSON-RPC message, or into the error
 * response its sender gets instead; both transports answer malformed input alike.
 *
 * <p>A client bug or a fuzzer must not end the session, so nothing here throws: a line that is not JSON
 * gets -32700, JSON that is not a JSON-RPC 2.0 message gets -32600 (with the line's id when it has a
 * usable one), and the session reads on.
 */
public final class JsonRpcLine {
    public sealed interface Decoded {}

    public record Message(JSONRPCMessage message) implements Decoded {}

    public record Rejected(ErrorReply reply) implements Decoded {}

    /**
     * A JSON-RPC error response. Not the SDK's JSONRPCResponse: that one refuses the null id that
     * JSON-RPC requires when the request's id could not be read.
     */
    public record ErrorReply(String jsonrpc, Object id, JSONRPCError error) {
        public ErrorReply(Object id, int code, String message, String data) {
            this("2.0", id, new JSONRPCError(code, message, data));
        }
    }

    private static final JsonMapper JSON = JsonMapper.shared();


    public Decoded decode(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return new Rejected(new ErrorReply(null, ErrorCodes.PARSE_ERROR, "Parse error", InputErrors.problem(e)));
        }
        if (node == null || !node.isObject()) return invalid(null, "a message must be a JSON object");

        JsonNode idNode = node.get("id");
        boolean hasId = idNode != null && !idNode.isNull();
        // Beyond 64 bits the SDK refuses the id and the request would go unanswered (found by fuzzing).
        if (hasId && !(idNode.isString() || idNode.isIntegralNumber() && idNode.canConvertToLong())) {
            return invalid(null, "\"id\" must be a string or an integer of at most 64 bits");
        }
        Object id = hasId ? JSON.treeToValue(idNode, Object.class) : null;

        if (!node.path("jsonrpc").isString() || !"2.0".equals(node.get("jsonrpc").asString())) {
            return invalid(id, "\"jsonrpc\" must be \"2.0\"");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isObject() && !params.isArray()) {
            return invalid(id, "\"params\" must be an object");
        }
        Object paramsValue = params == null ? null : JSON.treeToValue(params, Object.class);

        JsonNode method = node.get("method");
        if (method != null) {
            if (!method.isString()) return invalid(id, "\"method\" must be a string");
            if (idNode != null && idNode.isNull()) return invalid(null, "a request's \"id\" must not be null");
            return new Message(hasId
                    ? new McpSchema.JSONRPCRequest(method.asString(), id, paramsValue)
                    : new McpSchema.JSONRPCNotification(method.asString(), paramsValue));
        }
        if (hasId && node.has("result")) {
            return new Message(JSONRPCResponse.result(id, JSON.treeToValue(node.get("result"), Object.class)));
        }
        if (hasId && node.path("error").isObject()) {
            JsonNode error = node.get("error");
            return new Message(JSONRPCResponse.error(id, new JSONRPCError(
                    error.path("code").asInt(ErrorCodes.INTERNAL_ERROR),
                    error.path("message").asString(""),
                    error.has("data") ? JSON.treeToValue(error.get("data"), Object.class) : null)));
        }
        return invalid(id, "a message needs a \"method\", or an \"id\" with a \"result\" or an \"error\"");
    }

    private static Rejected invalid(Object id, String why) {
        return new Rejected(new ErrorReply(id, ErrorCodes.INVALID_REQUEST, "Invalid Request", why));
    }
}
