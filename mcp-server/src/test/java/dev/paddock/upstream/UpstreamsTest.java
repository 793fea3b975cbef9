package dev.paddock.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Upstream servers as capabilities, against a real MCP server (the SDK's, over stdio) run as a child process. */
class UpstreamsTest {
    private static final JsonMapper JSON = JsonMapper.shared();
    private final List<Upstreams> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(Upstreams::close);
    }

    @Test
    void theServersToolsBecomeTypesWithRealNamesKept() {
        String types = capability(start(fixture("fix", ToolGrant.ALL))).declarations();

        assertThat(types).contains("declare const fix").contains("greet_person(").contains("Greets someone by name.")
                .contains("add(input: {").contains("sum: number").contains("json_text(");
    }

    @Test
    void callsMapResultsAsDocumented() {
        CapabilitySet set = bind(start(fixture("fix", ToolGrant.ALL)));

        assertThat(call(set, "add", "{\"a\": 1, \"b\": 2}")).isEqualTo(JSON.readTree("{\"sum\": 3.0}"));
        assertThat(call(set, "greet_person", "{\"name\": \"Ada\"}").asString()).isEqualTo("Hello, Ada");
        assertThat(call(set, "json_text", "{}")).isEqualTo(JSON.readTree("{\"a\": [1, 2]}"));
        JsonNode picture = call(set, "picture", "{}");
        assertThat(picture.get(0).asString()).isEqualTo("a picture");
        assertThat(picture.get(1).get("$type").asString()).isEqualTo("mcp-content");
        assertThat(picture.get(1).get("type").asString()).isEqualTo("image");
        assertThat(picture.get(1).get("mimeType").asString()).isEqualTo("image/png");
        assertThat(picture.get(1).get("size").asLong()).isEqualTo(4);
    }

    @Test
    void anUpstreamErrorIsAnUpstreamError() {
        CapabilitySet set = bind(start(fixture("fix", ToolGrant.ALL)));

        assertThat(failure(set, "fail", "{}")).satisfies(e -> {
            assertThat(e.code()).isEqualTo("UPSTREAM_ERROR");
            assertThat(e.getMessage()).isEqualTo("fix.fail failed upstream: broken on purpose");
        });
    }

    @Test
    void argumentsAreCheckedAgainstTheServersOwnSchemaBeforeTheCallLeaves() {
        CapabilitySet set = bind(start(fixture("fix", ToolGrant.ALL)));

        assertThat(failure(set, "add", "{\"a\": \"one\", \"b\": 2}").getMessage()).isEqualTo("fix.add: input.a must be a number (got a string)");
        // "pattern" has no TypeScript: only the upstream's own schema knows it
        assertThat(failure(set, "greet_person", "{\"name\": \"ada\"}")).satisfies(e -> {
            assertThat(e.code()).isEqualTo("EINVAL");
            assertThat(e.getMessage()).startsWith("fix.greet_person: input.name");
        });
    }

    @Test
    void toolsTheGrantLeavesOutAreAbsentFromTheTypesAndRefused() {
        Upstreams upstreams = start(fixture("fix", new ToolGrant(List.of("*"), List.of("delete_*", "crash"))));
        CapabilitySet set = bind(upstreams);

        assertThat(capability(upstreams).declarations()).doesNotContain("delete_everything").doesNotContain("crash(");
        assertThat(failure(set, "delete_everything", "{}")).satisfies(e -> {
            assertThat(e.code()).isEqualTo("ENOSYS");
            assertThat(e.getMessage()).contains("fix.delete_everything is not a granted method")
                    .contains("the grant of upstream 'fix' (allow *; deny delete_*, crash) leaves it out");
        });
    }

    @Test
    void progressAndLogsReachTheCallersContextTaggedWithTheNamespace() {
        CapabilitySet set = bind(start(fixture("fix", ToolGrant.ALL)));
        List<String> seen = new CopyOnWriteArrayList<>();
        CallContext context = new RecordingContext(seen);

        JsonNode result = set.call("fix", "chatty", JSON.readTree("[{}]"), context).join();

        assertThat(result.asString()).isEqualTo("done");
        assertThat(seen).contains("progress 0.5/1.0 fix: half way", "log info fix: chatty was called");
    }

    @Test
    void aKilledServerIsUnavailableAtOnceThenComesBack() throws Exception {
        CapabilitySet set = bind(start(fixture("fix", ToolGrant.ALL)));
        long pid = call(set, "pid", "{}").asLong();

        ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();
        victim.destroyForcibly();
        victim.onExit().get();
        CapabilityException down = awaitFailure(set, "pid");

        assertThat(down.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(down.getMessage()).matches("upstream 'fix' is unavailable: it exited with status \\d+; retrying in \\d+ s");
        long restarted = awaitAnswer(set, "pid", Duration.ofSeconds(20)).asLong();
        assertThat(restarted).isNotEqualTo(pid);
    }

    @Test
    void aServerThatExitsMidCallFailsTheCallAtOnce() {
        CapabilitySet set = bind(start(fixture("fix", ToolGrant.ALL)));
        Instant before = Instant.now();

        CapabilityException e = failure(set, "crash", "{}");

        assertThat(e.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(e.getMessage()).startsWith("upstream 'fix' is unavailable: it exited with status 3");
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServerThatNeverInitializesIsUnavailableAtOnceWhileRetriedAndTheOthersStay() {
        UpstreamSpec silent = spec("silent", ToolGrant.ALL, List.of("--never-initialize"));
        Instant before = Instant.now();

        // 5 s: the well-behaved fixture is a JVM too, and must start within the same bound on a loaded machine.
        Upstreams upstreams = start(Map.of("default", List.of(silent, fixture("fix", ToolGrant.ALL))), Duration.ofSeconds(5));

        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(12));
        assertThat(upstreams.capabilities("default")).extracting(Capability::namespace).containsExactly("fix");
        assertThat(upstreams.unavailable("default")).containsExactly(
                Map.entry("silent", "it did not finish initialize and tools/list within 5 s"));
        UpstreamSession session = upstreams.session("default");
        assertThat(session.unavailable()).containsExactly("silent");
        assertThat(session.unavailable("fix")).isNull();
        CapabilityException down = session.unavailable("silent");
        assertThat(down.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(down.getMessage())
                .matches("upstream 'silent' is unavailable: it did not finish initialize and tools/list within 5 s; retrying in \\d+ s");
    }

    @Test
    void aPerSessionServerThatFailsItsFirstStartComesBackWithItsTypes(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("ready");
        UpstreamSpec late = spec("fix", ToolGrant.ALL, List.of("--never-initialize-until", marker.toString()), false, true);
        Upstreams upstreams = start(Map.of("default", List.of(late)), Duration.ofSeconds(2));
        List<String> heard = new CopyOnWriteArrayList<>();
        upstreams.onChange("default", () -> heard.add("changed"));
        UpstreamSession session = upstreams.session("default");
        assertThat(session.unavailable()).containsExactly("fix");

        Files.createFile(marker);
        Instant until = Instant.now().plusSeconds(30);
        while (session.capabilities().isEmpty() && Instant.now().isBefore(until)) Thread.sleep(100);

        assertThat(heard).isNotEmpty();
        assertThat(session.unavailable()).isEmpty();
        CapabilitySet set = CapabilitySet.bind(session.capabilities(), Runnable::run);
        assertThat(call(set, "add", "{\"a\": 1, \"b\": 2}")).isEqualTo(JSON.readTree("{\"sum\": 3.0}"));
        session.close();
    }

    @Test
    void closingEndsEveryChildProcess() throws Exception {
        Upstreams upstreams = start(fixture("fix", ToolGrant.ALL));
        long pid = call(bind(upstreams), "pid", "{}").asLong();

        upstreams.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aLazyServerStartsWithTheFirstExecuteOfASessionNotAtStartup() {
        UpstreamSpec lazy = spec("fix", ToolGrant.ALL, List.of(), true, false);
        Upstreams upstreams = start(lazy);
        List<String> heard = new CopyOnWriteArrayList<>();
        upstreams.onChange("default", () -> heard.add("changed"));
        UpstreamSession session = upstreams.session("default");

        assertThat(upstreams.capabilities("default")).isEmpty();
        assertThat(session.capabilities()).isEmpty();
        long before = session.version();
        session.ready().join();

        assertThat(session.version()).isGreaterThan(before);
        assertThat(heard).containsExactly("changed");
        CapabilitySet set = CapabilitySet.bind(session.capabilities(), Runnable::run);
        assertThat(call(set, "add", "{\"a\": 1, \"b\": 2}")).isEqualTo(JSON.readTree("{\"sum\": 3.0}"));
        assertThat(upstreams.capabilities("default")).extracting(Capability::declarations).first().asString().contains("add(");
    }

    @Test
    void aPerSessionServerGivesEachSessionItsOwnProcessEndedWithTheSession() throws Exception {
        Upstreams upstreams = start(spec("fix", ToolGrant.ALL, List.of(), false, true));
        UpstreamSession first = upstreams.session("default");
        UpstreamSession second = upstreams.session("default");
        CapabilitySet one = CapabilitySet.bind(first.capabilities(), Runnable::run);
        CapabilitySet two = CapabilitySet.bind(second.capabilities(), Runnable::run);

        long firstPid = call(one, "pid", "{}").asLong();
        long secondPid = call(two, "pid", "{}").asLong();

        assertThat(secondPid).isNotEqualTo(firstPid);
        assertThat(call(one, "pid", "{}").asLong()).isEqualTo(firstPid);
        ProcessHandle firstProcess = ProcessHandle.of(firstPid).orElseThrow();
        first.close();
        firstProcess.onExit().get(10, TimeUnit.SECONDS);
        assertThat(failure(one, "pid", "{}").getMessage()).isEqualTo("upstream 'fix' is shut down for this session");
        assertThat(call(two, "pid", "{}").asLong()).isEqualTo(secondPid);
        upstreams.close();
        assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private Upstreams start(UpstreamSpec spec) {
        return start(Map.of("default", List.of(spec)), Duration.ofSeconds(20));
    }

    private Upstreams start(Map<String, List<UpstreamSpec>> specs, Duration timeout) {
        Upstreams upstreams = Upstreams.start(specs, timeout);
        started.add(upstreams);
        return upstreams;
    }

    private static Capability capability(Upstreams upstreams) {
        return upstreams.capabilities("default").get(0);
    }

    private static CapabilitySet bind(Upstreams upstreams) {
        return CapabilitySet.bind(upstreams.capabilities("default"), Runnable::run);
    }

    static UpstreamSpec fixture(String name, ToolGrant grant) {
        return spec(name, grant, List.of());
    }

    private static UpstreamSpec spec(String name, ToolGrant grant, List<String> extra) {
        return spec(name, grant, extra, false, false);
    }

    private static UpstreamSpec spec(String name, ToolGrant grant, List<String> extra, boolean lazy, boolean perSession) {
        List<String> args = new ArrayList<>(List.of(FixtureUpstream.class.getName()));
        args.addAll(extra);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new UpstreamSpec(name, name, new UpstreamSpec.Stdio(java, args,
                Map.of("CLASSPATH", System.getProperty("java.class.path")), Path.of("").toAbsolutePath()), grant, "test", lazy, perSession);
    }

    private static CallContext context() {
        return CallContext.withoutClient("default", Instant.now().plusSeconds(20), new CompletableFuture<>());
    }

    private static JsonNode call(CapabilitySet set, String method, String input) {
        return set.call("fix", method, JSON.readTree("[" + input + "]"), context()).join();
    }

    private static CapabilityException failure(CapabilitySet set, String method, String input) {
        CompletableFuture<JsonNode> call = set.call("fix", method, JSON.readTree("[" + input + "]"), context());
        assertThatThrownBy(call::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(CapabilityException.class);
        return (CapabilityException) call.handle((value, e) -> e.getCause() == null ? e : e.getCause()).join();
    }

    /** The first failure after a kill: the exit may take a moment to be noticed. */
    private static CapabilityException awaitFailure(CapabilitySet set, String method) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                call(set, method, "{}");
            } catch (CompletionException e) {
                return (CapabilityException) e.getCause();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the call never failed");
    }

    private static JsonNode awaitAnswer(CapabilitySet set, String method, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            try {
                return call(set, method, "{}");
            } catch (CompletionException e) {
                assertThat(((CapabilityException) e.getCause()).code()).isEqualTo("UPSTREAM_UNAVAILABLE");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not come back within " + within);
    }

    /** Records what an upstream reports on the call. */
    private record RecordingContext(List<String> seen) implements CallContext {
        @Override
        public void progress(double progress, Double total, String message) {
            seen.add("progress " + progress + "/" + total + " " + message);
        }

        @Override
        public void log(String level, String message) {
            seen.add("log " + level + " " + message);
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public CompletableFuture<Void> whenCancelled() {
            return new CompletableFuture<>();
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(20);
        }

        @Override
        public CompletableFuture<JsonNode> elicit(String message, JsonNode requestedSchema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<JsonNode> sample(JsonNode createMessageRequest) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String profile() {
            return "default";
        }
    }
}
