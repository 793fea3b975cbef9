package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CallPolicy;
import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.sandbox.ExecutionRequest;
import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.upstream.FixtureUpstream;
import dev.paddock.upstream.Upstreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** paddock.json's "mcpServers", checked and granted per profile, and called from agent code through the runtime. */
class UpstreamGrantsTest {
    @TempDir
    Path dir;

    private PaddockConfig load(String json) throws Exception {
        Path file = dir.resolve("paddock.json");
        Files.writeString(file, json);
        return PaddockConfig.load(file);
    }

    /** The fixture server as a paddock.json entry. */
    private static String fixture(String tools) {
        var json = JsonMapper.shared();
        String java = json.writeValueAsString(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return "{\"command\": " + java + ", \"args\": [\"" + FixtureUpstream.class.getName() + "\"], \"env\": {\"CLASSPATH\": "
                + json.writeValueAsString(System.getProperty("java.class.path")) + "}" + (tools.isEmpty() ? "" : ", \"tools\": " + tools) + "}";
    }

    @Test
    void anEntryNeedsACommandOrAUrlNotBoth() {
        assertThatThrownBy(() -> load("""
                {"mcpServers": {
                  "both": {"command": "x", "url": "http://127.0.0.1:1/mcp"},
                  "neither": {"args": []},
                  "typo": {"command": "x", "argz": []},
                  "mixed": {"url": "http://127.0.0.1:1/mcp", "env": {}}
                }}"""))
                .hasMessageContaining("paddock.json:2:11: mcpServers.both needs either \"command\" (stdio, with args/env/cwd) or \"url\"")
                .hasMessageContaining("paddock.json:3:14: mcpServers.neither.command is required\n")
                .hasMessageContaining("paddock.json:4:28: unknown key \"argz\" in mcpServers.typo")
                .hasMessageContaining("paddock.json:5:12: mcpServers.mixed has a key of the other kind: args, env and cwd need \"command\" (stdio)")
                .hasMessageNotContaining("must not be valid");
    }

    @Test
    void unsetVariablesAreReportedTogetherWithoutTheValuesOfSetOnes() throws Exception {
        PaddockConfig config = load("""
                {"mcpServers": {
                  "remote": {"url": "http://127.0.0.1:1/mcp",
                             "headers": {"Authorization": "Bearer ${env:PADDOCK_TEST_UNSET_TOKEN}", "X-Home": "${env:HOME}"}},
                  "local": {"command": "${env:PADDOCK_TEST_UNSET_BIN}", "env": {"KEY": "${nope}"}}
                }}""");

        assertThatThrownBy(() -> ProfileGrants.loadAll(config)).isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "paddock.json:3:43: mcpServers.remote.headers.Authorization: environment variable PADDOCK_TEST_UNSET_TOKEN is not set",
                        "paddock.json:4:24: mcpServers.local.command: environment variable PADDOCK_TEST_UNSET_BIN is not set",
                        "paddock.json:4:72: mcpServers.local.env.KEY: unknown placeholder ${nope}; use ${env:NAME}"))
                .hasMessageNotContaining(System.getenv("HOME"));
    }

    @Test
    void aProfileEntryWithoutCommandOrUrlMustReferToATopLevelServer() {
        assertThatThrownBy(() -> load("""
                {"mcpServers": {"memory": {"command": "memory-server"}},
                 "profiles": {"ci": {"mcpServers": {"missing": {"tools": {"allow": ["*"]}}}}}}"""))
                .hasMessage("paddock.json:2:48: profiles.ci.mcpServers.missing: no top-level server named \"missing\" to refer to; "
                        + "define it under the top-level \"mcpServers\" or give this entry a command or url (top-level servers: memory)");
    }

    @Test
    void aProfileGrantsOnlyTheServersItNamesNarrowedToTheToolsItAllows() throws Exception {
        PaddockConfig config = load("{\"mcpServers\": {\"fixture-server\": " + fixture("{\"deny\": [\"delete_*\"]}") + "},\n"
                + "\"profiles\": {\"narrow\": {\"mcpServers\": {\"fixture-server\": {\"tools\": {\"allow\": [\"add\"]}}}},\n"
                + "              \"none\": {}}}");
        Map<String, ProfileGrants> grants = ProfileGrants.loadAll(config);
        try (Upstreams upstreams = Upstreams.start(Map.of("default", grants.get("default").upstreamSpecs(),
                "narrow", grants.get("narrow").upstreamSpecs()))) {
            grants.values().forEach(g -> g.connect(upstreams));

            assertThat(grants.get("default").declarations()).contains("declare const fixture_server").contains("greet_person(")
                    .doesNotContain("delete_everything");
            assertThat(grants.get("narrow").declarations()).contains("add(").doesNotContain("greet_person");
            assertThat(grants.get("none").declarations()).doesNotContain("fixture_server");
        }
    }

    @Test
    void agentCodeCallsAServerThroughTheRuntimeAndSeesItsErrorsAsErrors() throws Exception {
        PaddockConfig config = load("{\"mcpServers\": {\"fix\": " + fixture("") + "}}");

        try (var runtime = PaddockRuntime.start(config, List.of(), CallPolicy.ALLOW_ALL)) {
            ExecutionResult result = runtime.exec(ExecutionRequest.of("""
                    const sum = await fix.add({a: 2, b: 3});
                    const greeting = await fix.greet_person({name: "Ada"});
                    let failure;
                    try { await fix.fail({}); } catch (e) { failure = [e.code, e.message, e instanceof Error]; }
                    return {sum, greeting, failure};"""));

            assertThat(result).isInstanceOf(ExecutionResult.Succeeded.class);
            assertThat(((ExecutionResult.Succeeded) result).value()).isEqualTo(JsonMapper.shared().readTree("""
                    {"sum": {"sum": 5}, "greeting": "Hello, Ada",
                     "failure": ["UPSTREAM_ERROR", "fix.fail failed upstream: broken on purpose", true]}"""));
        }
    }

    @Test
    void aLazyServerStartsWithTheFirstExecuteWhichWaitsForIt() throws Exception {
        try (LazyFixture lazy = lazyFixture()) {
            assertThat(lazy.profile().declarations()).doesNotContain("declare const fix")
                    .contains("// fix: an MCP server that starts with your first execute; its types appear here then");
            assertThat(lazy.session().namespaces()).doesNotContainKey("fix");
            lazy.session().upstreamsReady(Optional.empty()).join();

            assertThat(lazy.heard()).containsExactly("types changed");
            assertThat(lazy.profile().declarations()).contains("declare const fix").contains("add(").doesNotContain("// fix:");
            assertThat(lazy.session().namespaces().get("fix")).contains("add", "greet_person");
        }
    }

    @Test
    void aLazyServerThatFailsItsFirstStartIsRetriedAndSaysWhyMeanwhile() throws Exception {
        try (LazyFixture lazy = lazyFixture("--exit-at-once")) {
            lazy.session().upstreamsReady(Optional.empty()).join();

            assertThat(lazy.heard()).containsExactly("types changed");
            assertThat(lazy.profile().declarations()).doesNotContain("declare const fix").containsPattern("// fix: an MCP server that is "
                    + "unavailable \\(it failed to start: .+\\); Paddock retries it in the background and its types appear here when it is back");
            assertThat(lazy.session().namespaces()).containsEntry("fix", HostApi.ANY_METHOD);
        }
    }

    /** The default profile of a config whose one server, the fixture as "fix", is lazy; with a session and what it heard. */
    private record LazyFixture(Upstreams upstreams, ProfileGrants profile, SessionHostApi session, List<String> heard)
            implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            upstreams.close();
        }
    }

    private LazyFixture lazyFixture(String... fixtureArgs) throws Exception {
        String args = fixtureArgs.length == 0 ? "" : ", \"" + String.join("\", \"", fixtureArgs) + "\"";
        String lazy = fixture("").replaceFirst("^\\{", "{\"lazy\": true, ").replace("Upstream\"]", "Upstream\"" + args + "]");
        Map<String, ProfileGrants> grants = ProfileGrants.loadAll(load("{\"mcpServers\": {\"fix\": " + lazy + "}}"));
        ProfileGrants profile = grants.get("default");
        Upstreams upstreams = Upstreams.start(Map.of("default", profile.upstreamSpecs()));
        profile.connect(upstreams);
        List<String> heard = new CopyOnWriteArrayList<>();
        profile.onTypesChanged(() -> heard.add("types changed"));
        return new LazyFixture(upstreams, profile, profile.newSession(), heard);
    }
}
