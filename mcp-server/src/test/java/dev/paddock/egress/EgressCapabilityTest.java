package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** fetch as the #egress capability: through the call path, as the isolate's standard library calls it. */
class EgressCapabilityTest {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final CallContext NO_CLIENT = CallContext.withoutClient("default", Instant.MAX, new CompletableFuture<>());
    private static TestServer server;
    private static CapabilitySet egress;

    @BeforeAll
    static void start() {
        server = new TestServer();
        EgressPolicy policy = EgressPolicy.fromConfig(JSON.readTree("{\"rules\": [{\"url\": \"http://127.0.0.1:"
                + server.port() + "/*\", \"methods\": [\"GET\", \"HEAD\", \"POST\"]}]}"));
        egress = CapabilitySet.bind(List.of(EgressGrant.of(policy).newSession()), ForkJoinPool.commonPool());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void carriesARequestAndItsResponseAsJsonWithBase64Bodies() throws Exception {
        String request = """
                {"url": "%s", "method": "POST", "headers": [["content-type", "text/plain"]], "body": "aGk="}"""
                .formatted(server.url("/echo"));
        JsonNode response = fetch(request).get(10, TimeUnit.SECONDS);

        assertThat(response.get("status").intValue()).isEqualTo(200);
        assertThat(response.get("statusText").stringValue()).isEqualTo("OK");
        assertThat(response.get("url").stringValue()).isEqualTo(server.url("/echo"));
        assertThat(response.get("redirected").booleanValue()).isFalse();
        assertThat(response.get("headers").toString()).contains("[\"x-server\",\"test\"]");
        assertThat(response.get("body").stringValue()).isEqualTo("UE9TVCAvZWNobwpoaQ=="); // "POST /echo\nhi"
    }

    @Test
    void headHasAnEmptyBody() throws Exception {
        String request = "{\"url\": \"" + server.url("/echo") + "\", \"method\": \"HEAD\"}";
        JsonNode response = fetch(request).get(10, TimeUnit.SECONDS);
        assertThat(response.get("status").intValue()).isEqualTo(200);
        assertThat(response.get("body").stringValue()).isEmpty();
    }

    @Test
    void aMalformedRequestFailsValidationBeforeAnyConnection() {
        for (String bad : new String[] {"{}", "{\"url\": 7}", "{\"url\": \"http://x/\", \"headers\": [[\"a\"]]}",
                "{\"url\": \"http://x/\", \"extra\": 1}"}) {
            assertThatThrownBy(() -> fetch(bad).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(CapabilityException.class,
                            e -> assertThat(e.code()).isEqualTo("EINVAL"));
        }
        assertThatThrownBy(() -> fetch("{\"url\": \"" + server.url("/echo") + "\", \"method\": \"POST\", \"body\": \"***\"}")
                .get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(CapabilityException.class, e -> assertThat(e.code()).isEqualTo("EGRESS_INVALID"));
    }

    @Test
    void withoutEgressRulesEveryFetchIsRefusedSayingWhy() {
        CapabilitySet none = CapabilitySet.bind(List.of(EgressGrant.of(EgressPolicy.fromConfig(JSON.readTree("{}"))).newSession()),
                ForkJoinPool.commonPool());
        assertThatThrownBy(() -> none.call(EgressCapability.NAMESPACE, "fetch", JSON.readTree("[{\"url\": \"" + server.url("/echo") + "\"}]"),
                NO_CLIENT).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(CapabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo("EGRESS_DENIED");
                    assertThat(e.getMessage()).contains("no \"egress\" rules");
                });
    }

    @Test
    void isCalledOnlyThroughTheStandardLibrary() {
        assertThat(egress.methodNames()).isEmpty();
        assertThat(egress.declarations()).isEmpty();
        assertThat(egress.tools()).isEmpty();
        // The standard library calls the sandbox's name for it.
        assertThat(EgressCapability.NAMESPACE).isEqualTo(dev.paddock.sandbox.HostApi.EGRESS);
    }

    private static CompletableFuture<JsonNode> fetch(String requestJson) {
        return egress.call(EgressCapability.NAMESPACE, "fetch", JSON.createArrayNode().add(JSON.readTree(requestJson)), NO_CLIENT);
    }
}
