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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Over HTTP with the SDK's own client: time spent waiting for an execution thread has its own limit and
 * message, apart from the wall-time limit, which counts from the start of execution.
 */
@Timeout(90)
class HttpQueueTimeTest {
    private Sandbox sandbox;
    private PaddockHttpServer server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(Limits.DEFAULTS, 2); // two execution threads, both kept busy below
        server = new PaddockHttpServer(HttpSettings.loopback(0), sandbox::newIsolate,
                ProfileGrants.loadAll(PaddockConfig.defaults()), false, Duration.ofMillis(300));
        url = "http://127.0.0.1:" + server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        sandbox.close();
    }

    @Test
    void codeThatWaitsTooLongForAThreadIsRefusedWithAQueueTimeErrorAndRunsNothing() throws InterruptedException {
        var running = new CountDownLatch(2);
        try (McpSyncClient busy = client(running); McpSyncClient busyToo = client(running);
                McpSyncClient waiting = client(new CountDownLatch(0))) {
            assertThat(execute(waiting, "globalThis.untouched = 1").isError()).isFalse();
            var blockers = Stream.of(busy, busyToo).map(c -> CompletableFuture.supplyAsync(
                    () -> c.callTool(CallToolRequest.builder().name("execute").progressToken("blocker")
                            .arguments(Map.of("code", "while (true) {}", "timeoutMs", 2000)).build()),
                    // Not the common pool: with 2 cores it has one thread, which the SDK client also needs.
                    task -> Thread.ofPlatform().start(task)))
                    .toList();
            assertThat(running.await(30, TimeUnit.SECONDS)).as("both blockers hold an execution thread").isTrue();

            CallToolResult refused = execute(waiting, "globalThis.untouched = 2");
            assertThat(refused.isError()).isTrue();
            assertThat(((Map<?, ?>) ((Map<?, ?>) refused.structuredContent()).get("error")).get("kind")).isEqualTo("queue-time");
            assertThat(text(refused)).contains("maxQueueMs=300").contains("did not start");

            for (var blocker : blockers) assertThat(text(blocker.join())).contains("wall-time");
            assertThat(execute(waiting, "globalThis.untouched").structuredContent())
                    .isEqualTo(Map.of("result", 1, "logs", List.of()));
        }
    }

    /** @param running counted down when an execution of this client leaves the queue (progress "running") */
    private McpSyncClient client(CountDownLatch running) {
        var client = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build())
                .progressConsumer(progress -> {
                    if ("running".equals(progress.message())) running.countDown();
                })
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static CallToolResult execute(McpSyncClient client, String code) {
        return client.callTool(new CallToolRequest("execute", Map.of("code", code)));
    }

    private static String text(CallToolResult result) {
        return result.content().stream().map(c -> c instanceof TextContent t ? t.text() : "").reduce("", String::concat);
    }
}
