package dev.paddock.transport.http;

import static dev.paddock.transport.http.McpHttpClient.BOTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.transport.McpJson;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a client POSTs, it gets a JSON-RPC answer it can show: an error with a message about its input,
 * never an empty body for a request, and never Java class, method or exception names (issue 17: an id of
 * {@code 1e400} answered 400 naming {@code ValueInstantiationException}).
 */
@Timeout(60)
class MalformedMessagesTest {
    /** Java internals: exception or package-qualified class names, Jackson's `Type` quotes, JVM messages. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "Exception|\\b(java|javax|tools\\.jackson|io\\.modelcontextprotocol|reactor|dev\\.paddock)\\.|`|\\$[A-Z]"
                    + "|Cannot invoke|Cannot construct|Cannot deserialize|StreamReadConstraints|getMax");

    private StreamableHttpTransport transport;
    private McpSyncServer server;
    private McpHttpClient client;
    private String session;

    @BeforeEach
    void start() {
        transport = new StreamableHttpTransport(HttpSettings.builder().build());
        server = McpServer.sync(transport.provider())
                .jsonMapper(McpJson.MAPPER)
                .serverInfo("malformed-test", "1")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(SyncToolSpecification.builder()
                        .tool(Tool.builder("echo", Map.of("type", "object")).description("echo").build())
                        .callHandler((exchange, request) -> CallToolResult.builder()
                                .content(List.of(TextContent.builder("hello").build())).build())
                        .build())
                .build();
        client = new McpHttpClient(transport.start());
        session = client.initialize();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // ids JSON-RPC does not allow, or that do not fit 64 bits
            "{'jsonrpc':'2.0','id':1e400,'method':'tools/list'}",
            "{'jsonrpc':'2.0','id':18446744073709551616,'method':'tools/list'}",
            "{'jsonrpc':'2.0','id':{},'method':'tools/list'}",
            "{'jsonrpc':'2.0','id':[1],'method':'tools/list'}",
            "{'jsonrpc':'2.0','id':1.5,'method':'tools/list'}",
            "{'jsonrpc':'2.0','id':true,'method':'tools/list'}",
            // envelopes that are not JSON-RPC 2.0
            "{'jsonrpc':'1.0','id':1,'method':'tools/list'}",
            "{'id':1,'method':'tools/list'}",
            "{'jsonrpc':'2.0','id':1,'method':5}",
            "{'jsonrpc':'2.0','id':1,'method':'tools/list','params':'s'}",
            "{'jsonrpc':'2.0','id':1}",
            "[{'jsonrpc':'2.0','id':1,'method':'tools/list'}]",
            "[]",
            "'just a string'",
            "null",
            "",
            "{'jsonrpc':",
            // params the method cannot use
            "{'jsonrpc':'2.0','id':2,'method':'tools/call','params':{'name':{}}}",
            "{'jsonrpc':'2.0','id':2,'method':'tools/call','params':{'name':'echo','arguments':'s'}}",
            "{'jsonrpc':'2.0','id':2,'method':'tools/call','params':{}}",
            "{'jsonrpc':'2.0','id':2,'method':'tools/call','params':[]}",
            "{'jsonrpc':'2.0','id':2,'method':'tools/call'}",
            "{'jsonrpc':'2.0','id':2,'method':'resources/read','params':{'uri':{}}}",
            "{'jsonrpc':'2.0','id':3,'method':'initialize','params':{'protocolVersion':{}}}",
            "{'jsonrpc':'2.0','id':3,'method':'initialize','params':{'protocolVersion':'2025-11-25','clientInfo':'x'}}",
            "{'jsonrpc':'2.0','id':3,'method':'initialize','params':[]}",
            "{'jsonrpc':'2.0','id':3,'method':'initialize'}",
            // responses and notifications the server did not ask for
            "{'jsonrpc':'2.0','id':99,'result':{}}",
            "{'jsonrpc':'2.0','id':99,'error':{'code':'x','message':{}}}",
            "{'jsonrpc':'2.0','method':'notifications/cancelled','params':{'requestId':{}}}",
            "{'jsonrpc':'2.0','method':'notifications/cancelled','params':{'requestId':1e400}}",
    })
    void everyMalformedMessageGetsAPlainJsonRpcAnswer(String message) {
        assertPlainAnswer(message.replace('\'', '"'));
    }

    @Test
    void anIdOutsideJsonRpcIsAnInvalidRequestAsOnStdio() {
        var answer = client.post(session, "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"tools/list\"}", BOTH);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":-32600", "\"id\":null",
                "\\\"id\\\" must be a string or an integer of at most 64 bits");
    }

    @Test
    void paramsTheMethodCannotBindAreInvalidParamsNamingTheField() {
        var answer = client.post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":{}}}",
                "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\":2", "\"code\":-32602", "Invalid params for tools/call: 'name' has the wrong type");
        var initialize = client.post(null, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"clientInfo\":\"x\"}}", BOTH);
        assertThat(initialize.body()).contains("'clientInfo' has the wrong type: params must be an object with");
    }

    @Test
    void jsonBeyondTheParsersLimitsIsAPlainParseError() {
        var deep = client.post(session, "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", BOTH);
        assertThat(deep.body()).contains("\"code\":-32700", "exceeds the maximum allowed (");
        assertPlainAnswer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"a\":"
                + "[".repeat(3000) + "]".repeat(3000) + "}}");
        assertPlainAnswer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"" + "k".repeat(60_000) + "\":1}}");
        assertPlainAnswer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"n\":" + "9".repeat(5000) + "}}");
    }

    private void assertPlainAnswer(String message) {
        for (String accept : List.of("application/json", BOTH)) {
            HttpResponse<String> answer = client.post(session, message, accept);
            String body = answer.body();
            assertThat(body).as("answer to %s (%s): %s", abbreviated(message), accept, body).doesNotContainPattern(JAVA_INTERNALS);
            if (answer.statusCode() == 202) {
                assertThat(isRequest(message)).as("only a notification or response may get 202: %s", abbreviated(message)).isFalse();
                continue;
            }
            String json = body.startsWith("{") ? body : lastData(body);
            JsonNode reply = JsonMapper.shared().readTree(json);
            assertThat(reply.path("jsonrpc").asString()).isEqualTo("2.0");
            assertThat(reply.has("error") || reply.has("result")).as("a JSON-RPC answer to %s: %s", abbreviated(message), body).isTrue();
        }
    }

    private static boolean isRequest(String message) {
        try {
            JsonNode node = JsonMapper.shared().readTree(message);
            return node.isObject() && node.has("method") && node.has("id");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The data of the last SSE event that has any. */
    private static String lastData(String sse) {
        String data = null;
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && line.length() > 6) data = line.substring(6);
        }
        assertThat(data).as("an SSE answer with a JSON-RPC message: %s", sse).isNotNull();
        return data;
    }

    private static String abbreviated(String message) {
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }
}
