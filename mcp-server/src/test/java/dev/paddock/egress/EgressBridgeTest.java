package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CapabilityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EgressBridgeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestServer server;
    private static EgressBridge bridge;

    @BeforeAll
    static void start() {
        server = new TestServer();
        EgressPolicy policy = EgressPolicy.fromConfig(JSON.readTree("{\"rules\": [{\"url\": \"http://127.0.0.1:"
                + server.port() + "/*\", \"methods\": [\"GET\", \"HEAD\", \"POST\"]}]}"));
        bridge = new EgressBridge(new EgressClient(policy), JSON);
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
        JsonNode response = JSON.readTree(bridge.fetch(request).get(10, TimeUnit.SECONDS));

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
        JsonNode response = JSON.readTree(bridge.fetch(request).get(10, TimeUnit.SECONDS));
        assertThat(response.get("status").intValue()).isEqualTo(200);
        assertThat(response.get("body").stringValue()).isEmpty();
    }

    @Test
    void aMalformedRequestFailsAsInvalid() {
        for (String bad : new String[] {"not json", "{}", "{\"url\": \"http://x/\", \"headers\": [[\"a\"]]}",
                "{\"url\": \"http://x/\", \"body\": \"***\"}"}) {
            assertThatThrownBy(() -> bridge.fetch(bad).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(CapabilityException.class,
                            e -> assertThat(e.code()).isEqualTo("EGRESS_INVALID"));
        }
    }
}
