package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.config.PaddockConfig;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.transport.http.HttpSettings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --http --stateless}: no session ids, every request on its own in a fresh isolate with fresh
 * capability instances, nothing kept once it is answered.
 */
@Timeout(90)
class HttpStatelessTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},\
            "clientInfo":{"name":"raw","version":"0"}}}""";

    @TempDir
    Path dir;
    private Sandbox sandbox;
    private PaddockHttpServer server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), "{\"capabilities\": {\"state\": {}}}");
        sandbox = Sandbox.start(Limits.DEFAULTS);
        server = new PaddockHttpServer(HttpSettings.loopback(0), sandbox::newIsolate,
                ProfileGrants.loadAll(PaddockConfig.load(config)), true, null);
        base = "http://127.0.0.1:" + server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        sandbox.close();
    }

    @Test
    void noGlobalsAndNoInMemoryStateCarryOverFromOneCallToTheNext() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(60)).build()) {
            var initialized = client.initialize();
            // The model is told what happens, not promised globals that will be gone.
            assertThat(initialized.instructions()).contains("fresh sandboxed isolate each time").doesNotContain("keeps this session's globals");
            assertThat(client.listTools().tools().getFirst().description())
                    .contains("every call runs in a fresh, empty isolate").doesNotContain("Assign to globalThis to keep");
            CallToolResult first = execute(client, "globalThis.kept = 1; await state.set({ key: 'k', value: 1 }); typeof kept");
            assertThat(first.structuredContent()).as(text(first)).isEqualTo(Map.of("result", "number", "logs", List.of()));

            CallToolResult second = execute(client, "[typeof globalThis.kept, await state.get({ key: 'k' })]");
            assertThat(second.structuredContent()).as(text(second))
                    .isEqualTo(Map.of("result", Arrays.asList("undefined", null), "logs", List.of()));
        }
        // Each request's session, isolate included, ends right after its answer went out.
        assertThat(metricsOnceSettled()).contains("paddock_isolates_live 0.0", "paddock_sessions 0.0");
    }

    @Test
    void noSessionIdIsIssuedAndEveryPostStandsAlone() throws Exception {
        HttpResponse<String> initialized = post(INITIALIZE, null);
        assertThat(initialized.statusCode()).isEqualTo(200);
        assertThat(initialized.body()).contains("\"protocolVersion\":\"2025-11-25\"");
        assertThat(initialized.headers().firstValue("Mcp-Session-Id")).isEmpty();

        // No initialize before it, no session id with it: a request still gets its answer.
        HttpResponse<String> listed = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "2025-11-25");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"name\":\"execute\"");
        assertThat(listed.headers().firstValue("Mcp-Session-Id")).isEmpty();

        assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", null).statusCode()).isEqualTo(202);
    }

    @Test
    void thereIsNoSessionStreamToOpenAndNoSessionToEnd() throws Exception {
        var get = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.body()).contains("stateless");

        var delete = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void aClientThatGoesAwayTakesItsExecutionAlong() throws Exception {
        // No session to resume from: an answer nobody waits for must not hold an isolate and a thread until
        // the 30 s wall time runs out.
        for (String accept : new String[] {"application/json", "text/event-stream"}) {
            var request = HttpRequest.newBuilder(URI.create(base + "/mcp")).timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json").header("Accept", accept)
                    .header("MCP-Protocol-Version", "2025-11-25")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"execute","arguments":{"code":"while (true) {}"}}}"""))
                    .build();
            long start = System.nanoTime();
            try {
                // JSON: the answer would be the whole body; SSE: headers come at once, the answer as an event.
                HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (var body = answer.body()) {
                    Thread.sleep(2000);
                    assertThat(body.available()).as(accept + ": nothing to read yet").isZero();
                } // closing the unfinished body closes the connection
            } catch (HttpTimeoutException expected) {
                // the client gave up and closed its connection
            }
            assertThat(metricsOnceSettled()).as(accept).contains("paddock_isolates_live 0.0", "paddock_sessions 0.0");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(accept).isLessThan(Duration.ofSeconds(15));
        }
    }

    private HttpResponse<String> post(String body, String protocolVersion) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (protocolVersion != null) request.header("MCP-Protocol-Version", protocolVersion);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metricsOnceSettled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (true) {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                // The session leaves the table first, then its close hook closes the isolate.
                boolean settled = metrics.contains("paddock_sessions 0.0") && metrics.contains("paddock_isolates_live 0.0");
                if (settled || System.nanoTime() > deadline) return metrics;
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static CallToolResult execute(McpSyncClient client, String code) {
        return client.callTool(new CallToolRequest("execute", Map.of("code", code)));
    }

    private static String text(CallToolResult result) {
        return result.content().stream().map(c -> c instanceof TextContent t ? t.text() : "").reduce("", String::concat);
    }
}
