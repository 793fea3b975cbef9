package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.capability.CallPolicy;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: host calls run on other threads, so a write dispatched before a wall-time stop could land after
 * the error had been returned, and nothing said so. Writes now refuse to commit once their execution has
 * ended, and the answer says what became of the calls still running. A call policy that approves late (as
 * one asking the user would) holds a real {@code files.write} past the stop.
 */
@Timeout(60)
class HostCallsAfterStopTest {
    private static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(Limits.DEFAULTS);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** Lets each call of {@code method} go ahead only {@code afterEndMs} after its execution has ended. */
    private ProfileGrants grants(String method, long afterEndMs) throws Exception {
        return grants("{\"capabilities\": {\"files\": {\"root\": \"data\", \"writable\": true}}}", method, afterEndMs);
    }

    private ProfileGrants grants(String configJson, String method, long afterEndMs) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/in.txt"), "hello");
        Path config = dir.resolve("paddock.json");
        Files.writeString(config, configJson);
        CallPolicy late = call -> !call.method().equals(method) ? CompletableFuture.completedFuture(null)
                : call.context().whenCancelled().thenCompose(ended -> CompletableFuture.runAsync(() -> {},
                        CompletableFuture.delayedExecutor(afterEndMs, TimeUnit.MILLISECONDS)));
        return ProfileGrants.loadAll(PaddockConfig.load(config), List.of(), late).get(Profile.DEFAULT);
    }

    /** A session whose isolate has run once: the first run of a fresh sandbox may spend the whole limit starting. */
    private static StdioClient warmedUp(ProfileGrants grants) throws Exception {
        var client = new StdioClient(sandbox::newIsolate, grants);
        client.initialize("2025-11-25");
        execute(client, 0, "return 1", 60_000);
        return client;
    }

    private static JsonNode execute(StdioClient client, String js, int timeoutMs) {
        return execute(client, 1, js, timeoutMs);
    }

    private static JsonNode execute(StdioClient client, int id, String js, int timeoutMs) {
        String arguments = JsonMapper.shared().createObjectNode().put("code", js).put("timeoutMs", timeoutMs).toString();
        return client.callExecute(id, arguments, null).get("result");
    }

    @Test
    void aWriteStillPendingAfterTheTimeLimitNeverLandsAndTheErrorSaysItMightHave() throws Exception {
        long approvedAfterEnd = HostCallsInFlight.SETTLE.toMillis() + 5000;
        try (StdioClient client = warmedUp(grants("write", approvedAfterEnd))) {
            JsonNode stopped = execute(client, "files.write({ path: 'late.txt', content: 'x' }); while (true) {}", 5000);
            assertThat(stopped.at("/structuredContent/error/kind").asString()).isEqualTo("wall-time");
            assertThat(stopped.at("/structuredContent/error/message").asString())
                    .startsWith("execution exceeded the 5000 ms wall-time limit")
                    .endsWith("1 host call was still running when the execution ended and may yet take effect: files.write.");
        }
        Thread.sleep(approvedAfterEnd + 500); // the write is approved meanwhile, and refuses to commit
        assertThat(dir.resolve("data/late.txt")).as("the write never landed").doesNotExist();
        try (var left = Files.list(dir.resolve("data"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("nor did its temp file stay").containsExactly("in.txt");
        }
    }

    @Test
    void aWriteTheCodeDidNotAwaitEndsWithTheExecutionAndTheResultWarns() throws Exception {
        try (StdioClient client = warmedUp(grants("write", 500))) {
            JsonNode returned = execute(client, "files.write({ path: 'unawaited.txt', content: 'x' }); return 1", 5000);
            assertThat(returned.at("/structuredContent/result").asInt()).isEqualTo(1);
            JsonNode warning = returned.at("/structuredContent/logs").get(0);
            assertThat(warning.get("level").asString()).isEqualTo("warn");
            // "did not take effect" once the write refused to commit, "may yet" if this machine was too slow for it
            assertThat(warning.get("message").asString())
                    .startsWith("1 host call was still running when the execution ended and ")
                    .containsPattern("(did not|may yet) take effect: files\\.write\\.")
                    .endsWith("Await every host call whose effect the result depends on.");
        }
        Thread.sleep(1000);
        assertThat(dir.resolve("data/unawaited.txt")).as("the write refused to commit").doesNotExist();
    }

    @Test
    void aDirectWriteToolPastItsTimeLimitSaysItMayYetLandAndNeverDoes() throws Exception {
        long approvedAfterEnd = HostCallsInFlight.SETTLE.toMillis() + 3000;
        ProfileGrants grants = grants("""
                {"limits": {"wallTimeMs": 500}, "exposeAsTools": true,
                 "capabilities": {"files": {"root": "data", "writable": true}}}""", "write", approvedAfterEnd);
        try (StdioClient client = new StdioClient(sandbox::newIsolate, grants)) {
            client.initialize("2025-11-25");
            JsonNode answer = client.request(1, "tools/call",
                    "{\"name\": \"files_write\", \"arguments\": {\"path\": \"direct.txt\", \"content\": \"x\"}}");
            assertThat(answer.at("/result/isError").asBoolean()).isTrue();
            assertThat(answer.at("/result/content/0/text").asString()).isEqualTo("files.write failed: it exceeded the "
                    + "500 ms wall-time limit. 1 host call was still running when the execution ended and may yet take "
                    + "effect: files.write.");
        }
        Thread.sleep(approvedAfterEnd);
        assertThat(dir.resolve("data/direct.txt")).as("the write refused to commit").doesNotExist();
    }
}
