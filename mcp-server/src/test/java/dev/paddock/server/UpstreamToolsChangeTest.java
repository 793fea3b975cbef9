package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.config.PaddockConfig;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.upstream.FixtureUpstream;
import dev.paddock.upstream.Upstreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upstream server's notifications/tools/list_changed reaches Paddock's client as tools/list_changed with
 * the new execute description, and a live session calls the new tool without losing its globals.
 */
class UpstreamToolsChangeTest {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @Test
    void aToolAddedUpstreamReachesTheClientAndTheLiveSession() throws Exception {
        Map<String, ProfileGrants> grants = grants("");
        try (Sandbox sandbox = Sandbox.start(Limits.DEFAULTS);
                Upstreams upstreams = Upstreams.start(Map.of("default", grants.get("default").upstreamSpecs()))) {
            grants.get("default").connect(upstreams);
            StdioClient client = new StdioClient(sandbox::newIsolate, grants.get("default"));
            JsonNode initialized = client.initialize("2025-11-25");
            assertThat(initialized.at("/result/capabilities/tools/listChanged").asBoolean()).isTrue();
            assertThat(description(client, 1)).contains("grow(").doesNotContain("extra(");

            JsonNode grown = execute(client, 2, "globalThis.kept = 'still here'; return await fix.grow({});");
            assertThat(grown.at("/structuredContent/result").asString()).isEqualTo("growing");
            client.await(m -> "notifications/tools/list_changed".equals(m.path("method").asString()), "tools/list_changed");

            assertThat(description(client, 3)).contains("extra(").contains("Added by grow.");
            JsonNode extra = execute(client, 4, "return [await fix.extra({}), kept];");
            assertThat(extra.at("/structuredContent/result")).isEqualTo(JSON.readTree("[\"extra tool\", \"still here\"]"));
            client.close();
        }
    }

    @Test
    void directToolsFollowTheUpstreamsTools() throws Exception {
        Map<String, ProfileGrants> grants = grants("\"exposeAsTools\": true, ");
        try (Sandbox sandbox = Sandbox.start(Limits.DEFAULTS);
                Upstreams upstreams = Upstreams.start(Map.of("default", grants.get("default").upstreamSpecs()))) {
            grants.get("default").connect(upstreams);
            StdioClient client = new StdioClient(sandbox::newIsolate, grants.get("default"));
            client.initialize("2025-11-25");
            assertThat(toolNames(client, 1)).contains("fix_grow").doesNotContain("fix_extra");

            client.request(2, "tools/call", "{\"name\": \"fix_grow\", \"arguments\": {}}");
            client.await(m -> "notifications/tools/list_changed".equals(m.path("method").asString()), "tools/list_changed");

            assertThat(awaitTool(client, "fix_extra")).contains("fix_grow", "fix_extra", "execute");
            JsonNode extra = client.request(20, "tools/call", "{\"name\": \"fix_extra\", \"arguments\": {}}");
            assertThat(extra.at("/result/content/0/text").asString()).isEqualTo("extra tool");
            client.close();
        }
    }

    @Test
    void aServerThatFailsItsFirstStartFailsCallsAtOnceThenComesBackWithItsTypes() throws Exception {
        Path marker = dir.resolve("ready");
        Map<String, ProfileGrants> grants = grants("", "--never-initialize-until", marker.toString());
        try (Sandbox sandbox = Sandbox.start(Limits.DEFAULTS);
                Upstreams upstreams = Upstreams.start(Map.of("default", grants.get("default").upstreamSpecs()), Duration.ofSeconds(2))) {
            grants.get("default").connect(upstreams);
            StdioClient client = new StdioClient(sandbox::newIsolate, grants.get("default"));
            client.initialize("2025-11-25");
            assertThat(description(client, 1)).doesNotContain("declare const fix").contains("// fix: an MCP server that is "
                    + "unavailable (it did not finish initialize and tools/list within 2 s); Paddock retries it in the background");

            JsonNode down = execute(client, 2, """
                    const t = Date.now();
                    try { await fix.any_name({}); } catch (e) { return [e.code, e.message, Date.now() - t, Object.isFrozen(fix)]; }""");
            JsonNode failure = down.at("/structuredContent/result");
            assertThat(failure.get(0).asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(failure.get(1).asString()).matches(
                    "upstream 'fix' is unavailable: it did not finish initialize and tools/list within 2 s; retrying in \\d+ s");
            assertThat(failure.get(2).asLong()).isLessThan(1000);
            assertThat(failure.get(3).asBoolean()).isTrue();

            Files.createFile(marker);
            client.await(m -> "notifications/tools/list_changed".equals(m.path("method").asString()), "tools/list_changed");
            assertThat(description(client, 3)).contains("add(").doesNotContain("// fix:");
            JsonNode back = execute(client, 4, "return await fix.add({a: 1, b: 2});");
            assertThat(back.at("/structuredContent/result")).isEqualTo(JSON.readTree("{\"sum\": 3}"));
            client.close();
        }
    }

    /** paddock.json with the fixture server as "fix" started with {@code args}, after the top-level keys given. */
    private Map<String, ProfileGrants> grants(String topLevel, String... args) throws Exception {
        String java = JSON.writeValueAsString(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path config = dir.resolve("paddock.json");
        List<String> command = new ArrayList<>(List.of(FixtureUpstream.class.getName()));
        command.addAll(List.of(args));
        Files.writeString(config, "{" + topLevel + "\"mcpServers\": {\"fix\": {\"command\": " + java + ", \"args\": "
                + JSON.writeValueAsString(command) + ", \"env\": {\"CLASSPATH\": "
                + JSON.writeValueAsString(System.getProperty("java.class.path")) + "}}}}");
        return ProfileGrants.loadAll(PaddockConfig.load(config));
    }

    /** The tool names once {@code name} is among them: the direct tools are added one after another. */
    private static List<String> awaitTool(StdioClient client, String name) throws InterruptedException {
        for (int id = 100; id < 200; id++) {
            List<String> names = toolNames(client, id);
            if (names.contains(name)) return names;
            Thread.sleep(50);
        }
        throw new AssertionError(name + " never appeared");
    }

    private static List<String> toolNames(StdioClient client, int id) {
        List<String> names = new ArrayList<>();
        client.request(id, "tools/list", "{}").at("/result/tools").forEach(tool -> names.add(tool.path("name").asString()));
        return names;
    }

    private static String description(StdioClient client, int id) {
        JsonNode tools = client.request(id, "tools/list", "{}").at("/result/tools");
        for (JsonNode tool : tools) if (tool.path("name").asString().equals("execute")) return tool.path("description").asString();
        throw new AssertionError("no execute tool in " + tools);
    }

    private static JsonNode execute(StdioClient client, int id, String js) {
        return client.callExecute(id, JSON.createObjectNode().put("code", js).toString(), null).get("result");
    }
}
