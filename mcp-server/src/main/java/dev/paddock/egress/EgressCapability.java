package dev.paddock.egress;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in {@code #egress} capability behind the isolate's {@code fetch}: a capability like any other,
 * declared by {@code egress.d.ts}, so every fetch takes the same call path (audit, validation, the host's
 * policy) before {@link EgressClient} applies the profile's egress rules. The request arrives as the
 * validated JSON tree and the response leaves as one, bodies in base64:
 * <pre>
 * request:  {"url": "https://…", "method": "POST", "headers": [["content-type", "text/plain"]], "body": "aGk="}
 * response: {"status": 200, "statusText": "OK", "url": "https://…", "redirected": false,
 *            "headers": [["content-type", "text/plain"]], "body": "aGk="}
 * </pre>
 * Injected header values are hidden from responses and error messages ({@link SecretRedaction}), in case
 * a server echoes them.
 */
public final class EgressCapability {
    public static final String NAMESPACE = "#egress";
    /** The TypeScript of the isolate's fetch subset, which the model reads when its profile grants egress. */
    public static final String FETCH_DECLARATIONS = load("fetch.d.ts");
    private static final String DECLARATIONS = load("egress.d.ts");

    /** Null when the profile has no egress rules: every fetch is refused with that reason. */
    private final EgressClient client;
    private final SecretRedaction redaction;
    private final FetchAdmission admission;

    private EgressCapability(EgressClient client, SecretRedaction redaction, FetchAdmission admission) {
        this.client = client;
        this.redaction = redaction;
        this.admission = admission;
    }

    /**
     * One session's fetch through {@code client} and {@code redaction} (shared by the profile's sessions),
     * within {@code admission}'s caps.
     */
    static Capability of(EgressClient client, SecretRedaction redaction, FetchAdmission admission) {
        return Capability.of(NAMESPACE, DECLARATIONS, new EgressCapability(client, redaction, admission));
    }

    public CompletableFuture<JsonNode> fetch(JsonNode request, CallContext context) {
        if (client == null) {
            return CompletableFuture.failedFuture(new CapabilityException("EGRESS_DENIED",
                    "fetch is not allowed: no egress is granted to this connection (paddock.json has no \"egress\" rules for its profile)"));
        }
        FetchRequest fetch = request(request);
        // Every call of one execution carries the same end, so it tells the execution's fetches apart.
        Runnable release = admission.admit(context.whenCancelled(), EgressUrl.shorten(fetch.url()));
        CompletableFuture<FetchResponse> exchange = client.fetch(fetch);
        exchange.whenComplete((response, failure) -> release.run());
        // An execution that ended (timed out, cancelled) must not keep a connection open.
        context.whenCancelled().thenRun(() -> exchange.cancel(true));
        return exchange.thenApply(this::response).exceptionallyCompose(failure -> {
            Throwable cause = CapabilityException.unwrap(failure);
            return CompletableFuture.failedFuture(cause instanceof CapabilityException c
                    ? new CapabilityException(c.code(), redaction.text(c.getMessage())) : cause);
        });
    }

    /** The declared schema has checked the shape already. */
    private static FetchRequest request(JsonNode node) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (JsonNode pair : node.path("headers")) headers.add(Map.entry(pair.get(0).stringValue(), pair.get(1).stringValue()));
        JsonNode body = node.path("body");
        JsonNode method = node.path("method");
        byte[] bytes;
        try {
            bytes = body.isString() ? Base64.getDecoder().decode(body.stringValue()) : null;
        } catch (IllegalArgumentException e) {
            throw new CapabilityException("EGRESS_INVALID", "fetch received a body that is not base64: " + e.getMessage());
        }
        return new FetchRequest(node.get("url").stringValue(), method.isString() ? method.stringValue() : null, headers, bytes);
    }

    private JsonNode response(FetchResponse response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("status", response.status())
                .put("statusText", redaction.text(response.statusText()))
                .put("url", redaction.text(response.url()))
                .put("redirected", response.redirected());
        ArrayNode headers = out.putArray("headers");
        response.headers().forEach(h -> headers.addArray().add(redaction.text(h.getKey())).add(redaction.text(h.getValue())));
        out.put("body", Base64.getEncoder().encodeToString(redaction.bytes(response.body())));
        return out;
    }

    private static String load(String name) {
        try (InputStream in = EgressCapability.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
