package dev.paddock.egress;

import dev.paddock.capability.CapabilityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The string-only crossing between the prelude's {@code fetch} and {@link EgressClient}: one JSON string
 * in, one JSON string out, bodies in base64 so binary survives.
 * <pre>
 * request:  {"url": "https://…", "method": "POST", "headers": [["content-type", "text/plain"]], "body": "aGk="}
 * response: {"status": 200, "statusText": "OK", "url": "https://…", "redirected": false,
 *            "headers": [["content-type", "text/plain"]], "body": "aGk="}
 * </pre>
 * {@code method}, {@code headers} and {@code body} may be absent or null. Failures complete the future
 * with the client's {@link CapabilityException}, whose code and message the prelude turns into the JS error.
 * Injected header values are hidden from both ({@link SecretRedaction}), in case a server echoes them.
 */
public final class EgressBridge {
    private final EgressClient client;
    private final JsonMapper json;
    private final SecretRedaction redaction;

    public EgressBridge(EgressClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
        this.redaction = new SecretRedaction(client.policy().injectedValues());
    }

    public CompletableFuture<String> fetch(String requestJson) {
        FetchRequest request;
        try {
            request = request(json.readTree(requestJson));
        } catch (JacksonException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new CapabilityException("EGRESS_INVALID",
                    "fetch received a malformed request from the runtime: " + e.getMessage()));
        }
        return client.fetch(request).thenApply(this::response).exceptionallyCompose(failure -> {
            Throwable cause = CapabilityException.unwrap(failure);
            return CompletableFuture.failedFuture(cause instanceof CapabilityException c
                    ? new CapabilityException(c.code(), redaction.text(c.getMessage())) : cause);
        });
    }

    private static FetchRequest request(JsonNode node) {
        if (!node.isObject() || !node.path("url").isString()) {
            throw new IllegalArgumentException("expected an object with a string \"url\"");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (JsonNode pair : node.path("headers")) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString() || !pair.get(1).isString()) {
                throw new IllegalArgumentException("each header must be a [name, value] pair of strings");
            }
            headers.add(Map.entry(pair.get(0).stringValue(), pair.get(1).stringValue()));
        }
        JsonNode body = node.path("body");
        JsonNode method = node.path("method");
        return new FetchRequest(node.get("url").stringValue(), method.isString() ? method.stringValue() : null, headers,
                body.isString() ? Base64.getDecoder().decode(body.stringValue()) : null);
    }

    private String response(FetchResponse response) {
        ObjectNode out = json.createObjectNode()
                .put("status", response.status())
                .put("statusText", redaction.text(response.statusText()))
                .put("url", redaction.text(response.url()))
                .put("redirected", response.redirected());
        ArrayNode headers = out.putArray("headers");
        response.headers().forEach(h -> headers.addArray().add(h.getKey()).add(redaction.text(h.getValue())));
        out.put("body", Base64.getEncoder().encodeToString(redaction.bytes(response.body())));
        return json.writeValueAsString(out);
    }
}
