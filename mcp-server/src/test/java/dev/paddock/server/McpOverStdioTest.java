package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.HostApi;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The protocol side of Paddock over stdio, as a client sees it: raw JSON-RPC lines in and out. */
class McpOverStdioTest {
    private static final Function<HostApi, Isolate> NO_ISOLATES = api -> {
        throw new AssertionError("these tests run no code");
    };

    private StdioClient client;

    @BeforeEach
    void start() throws Exception {
        client = new StdioClient(NO_ISOLATES, Limits.DEFAULTS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"})
    void initializeAgreesOnTheClientsProtocolVersion(String version) {
        JsonNode result = client.initialize(version).get("result");

        assertThat(result.get("protocolVersion").asString()).isEqualTo(version);
        assertThat(result.at("/serverInfo/name").asString()).isEqualTo("paddock");
        assertThat(result.at("/serverInfo/version").asString()).isNotBlank().doesNotContain("${");
        assertThat(result.get("instructions").asString()).contains("execute");
        assertThat(result.at("/capabilities/tools").isObject()).isTrue();
    }

    @Test
    void toolsListShowsExecuteWithItsSchemas() {
        client.initialize("2025-11-25");

        JsonNode tools = client.request(1, "tools/list", "{}").at("/result/tools");

        assertThat(tools).hasSize(1);
        JsonNode execute = tools.get(0);
        assertThat(execute.get("name").asString()).isEqualTo("execute");
        assertThat(execute.at("/inputSchema/properties/code/type").asString()).isEqualTo("string");
        assertThat(execute.at("/inputSchema/properties/timeoutMs/type").asString()).isEqualTo("integer");
        assertThat(execute.at("/inputSchema/properties/timeoutMs/minimum").asInt()).isEqualTo(1);
        assertThat(execute.at("/inputSchema/properties/reset/type").asString()).isEqualTo("boolean");
        assertThat(execute.at("/inputSchema/required").toString()).isEqualTo("[\"code\"]");
        assertThat(execute.at("/outputSchema/required").toString()).isEqualTo("[\"logs\"]");
        assertThat(execute.get("description").asString())
                .contains("globalThis", "never visible to other sessions", "262144 bytes of code", "30000 ms wall time",
                        "No capabilities are granted to this connection.", "Example:");
    }

    @Test
    void aLineThatIsNotJsonGetsAParseErrorAndTheSessionGoesOn() {
        client.initialize("2025-11-25");

        client.send("{this is not json");
        JsonNode error = client.await(m -> m.has("error") && m.get("id").isNull(), "a parse error");
        JsonNode pong = client.request(2, "ping", "{}");

        assertThat(error.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(pong.get("result").isObject()).isTrue();
    }

    @Test
    void jsonThatIsNotJsonRpcGetsInvalidRequestWithItsId() {
        client.initialize("2025-11-25");

        client.send("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}");
        JsonNode wrongVersion = client.responseTo(7);
        client.send("{\"jsonrpc\":\"2.0\",\"id\":8}");
        JsonNode noMethod = client.responseTo(8);
        client.send("[1,2,3]");
        JsonNode notAnObject = client.await(m -> m.has("error") && m.get("id").isNull(), "an invalid request");

        assertThat(wrongVersion.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(wrongVersion.at("/error/data").asString()).contains("jsonrpc");
        assertThat(noMethod.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(notAnObject.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(client.request(9, "ping", "{}").has("result")).isTrue();
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        client.initialize("2025-11-25");

        assertThat(client.request(3, "no/such/method", "{}").at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void everyLineOnStdoutIsOneJsonRpcMessage() {
        client.initialize("2025-11-25");
        client.send("not json at all");
        client.request(4, "tools/list", "{}");

        assertThat(client.rawLines()).isNotEmpty().allSatisfy(line -> {
            JsonNode message = JsonMapper.shared().readTree(line);
            assertThat(message.get("jsonrpc").asString()).isEqualTo("2.0");
        });
    }

    @Test
    void theSessionClosesWhenStdinEnds() throws Exception {
        client.initialize("2025-11-25");

        client.endInput();

        client.server.closed().get(5, java.util.concurrent.TimeUnit.SECONDS);
    }
}
