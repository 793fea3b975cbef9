package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The `execute` tool end to end over in-process stdio, with real GraalJS isolates. */
class ExecuteOverStdioTest {
    private static Sandbox sandbox;
    private StdioClient client;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(Limits.DEFAULTS);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void connect() throws Exception {
        client = new StdioClient(sandbox::newIsolate, sandbox.limits());
        client.initialize("2025-11-25");
    }

    @AfterEach
    void disconnect() throws Exception {
        client.close();
    }

    private static String code(String js) {
        return JsonMapper.shared().createObjectNode().put("code", js).toString();
    }

    @Test
    void anArrowFunctionsValueComesBackAsStructuredContentAndText() {
        JsonNode result = client.callExecute(1, code("async () => 6 * 7"), null).get("result");

        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.at("/structuredContent/result").asInt()).isEqualTo(42);
        assertThat(JsonMapper.shared().readTree(result.at("/content/0/text").asString()))
                .isEqualTo(result.get("structuredContent"));
    }

    @Test
    void aRuntimeErrorPointsAtTheAgentsLineAndKeepsTheLogsBeforeIt() {
        JsonNode result = client.callExecute(1, code("console.log('before');\nconst user = {};\nreturn user.name.first;"), null)
                .get("result");

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asString())
                .startsWith("TypeError: ")
                .contains("at line 3, column ", "  3 | return user.name.first;", "^", "Logs before the error:\n[log] before");
        assertThat(result.at("/structuredContent/error/line").asInt()).isEqualTo(3);
    }

    @Test
    void globalsPersistWithinASession() {
        client.callExecute(1, code("globalThis.counter = 41"), null);

        JsonNode result = client.callExecute(2, code("return ++globalThis.counter"), null).get("result");

        assertThat(result.at("/structuredContent/result").asInt()).isEqualTo(42);
    }

    @Test
    void missingCodeIsAToolErrorTheModelCanRead() {
        JsonNode result = client.callExecute(1, "{}", null).get("result");

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asString()).contains("code");
    }

    @Test
    void aTimeoutFailsThatCallOnlyAndTheNextCallWorks() {
        JsonNode timedOut = client.callExecute(1, "{\"code\":\"while(true){}\",\"timeoutMs\":500}", null).get("result");
        JsonNode next = client.callExecute(2, code("1 + 1"), null).get("result");

        assertThat(timedOut.get("isError").asBoolean()).isTrue();
        assertThat(timedOut.at("/content/0/text").asString()).contains("500 ms");
        assertThat(next.at("/structuredContent/result").asInt()).isEqualTo(2);
    }

    @Test
    void progressIsReportedFromStartToDoneWhenTheClientAsksForIt() {
        JsonNode response = client.callExecute(1, code("return 'ok'"), "{\"progressToken\":\"tok-1\"}");

        var progress = client.received().stream()
                .filter(m -> "notifications/progress".equals(m.path("method").asString()))
                .map(m -> m.get("params"))
                .toList();
        assertThat(response.at("/result/structuredContent/result").asString()).isEqualTo("ok");
        assertThat(progress).extracting(p -> p.get("progressToken").asString()).containsOnly("tok-1");
        assertThat(progress).extracting(p -> p.get("message").asString()).startsWith("running").endsWith("done");
        assertThat(progress).extracting(p -> p.get("progress").asDouble()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void cancellingARunawayExecutionStopsItAndTheSessionStaysUsable() throws InterruptedException {
        client.callExecute(9, code("globalThis.kept = 'yes'"), null);
        client.send("""
                {"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"execute",\
                "arguments":{"code":"while (true) {}"},"_meta":{"progressToken":"spin"}}}""");
        client.await(m -> "notifications/progress".equals(m.path("method").asString()), "the start of the run");
        Thread.sleep(200); // let it spin

        long cancelledAt = System.nanoTime();
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":10,\"reason\":\"test\"}}");
        // Calls in one isolate run one at a time: this one can only finish once the runaway one has stopped.
        JsonNode next = client.callExecute(11, code("return globalThis.kept"), null);
        Duration stoppedWithin = Duration.ofNanos(System.nanoTime() - cancelledAt);

        assertThat(next.at("/result/structuredContent/result").asString()).as(next.toString()).isEqualTo("yes");
        // 50 ms is the bound for stopping; the margin covers the two round trips on a busy 2-core machine.
        assertThat(stoppedWithin).isLessThan(Duration.ofSeconds(2));
        // MCP: no response to a cancelled request, and no progress after it.
        assertThat(client.received()).noneMatch(m -> !m.has("method") && m.path("id").asInt() == 10);
        assertThat(client.received()).noneMatch(m -> "spin".equals(m.at("/params/progressToken").asString())
                && "done".equals(m.at("/params/message").asString()));
    }
}
