package dev.paddock.capability.state;

import static dev.paddock.capability.AgentCalls.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.AgentCalls;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.state.StateCapability.KeyInput;
import dev.paddock.capability.state.StateCapability.ListInput;
import dev.paddock.capability.state.StateCapability.SetInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StateCapabilityTest {
    static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path persistDir;

    @Test
    void inMemoryStateBelongsToOneConnection() {
        StateCapability first = StateCapability.inMemory(StateCapability.Limits.DEFAULTS);
        StateCapability second = StateCapability.inMemory(StateCapability.Limits.DEFAULTS);
        first.set(new SetInput("cart", JSON.readTree("{\"items\":[1,2]}")), NO_CONTEXT);
        assertThat(first.get(new KeyInput("cart")).toString()).isEqualTo("{\"items\":[1,2]}");
        assertThat(second.get(new KeyInput("cart"))).isNull();
        assertThat(second.list(new ListInput(null))).isEmpty();
    }

    @Test
    void persistentStateSurvivesANewInstanceAndIsScopedByProfile() {
        StateCapability teamA = StateCapability.persistent(persistDir, "team-a", StateCapability.Limits.DEFAULTS);
        teamA.set(new SetInput("report/2026", JSON.readTree("[1,\"two\",null]")), NO_CONTEXT);
        teamA.set(new SetInput("ünïcode key/../x", JSON.readTree("true")), NO_CONTEXT);

        StateCapability restarted = StateCapability.persistent(persistDir, "team-a", StateCapability.Limits.DEFAULTS);
        assertThat(restarted.get(new KeyInput("report/2026")).toString()).isEqualTo("[1,\"two\",null]");
        assertThat(restarted.list(new ListInput("report/"))).containsExactly("report/2026");
        assertThat(restarted.list(new ListInput(""))).containsExactly("report/2026", "ünïcode key/../x");

        StateCapability teamB = StateCapability.persistent(persistDir, "team-b", StateCapability.Limits.DEFAULTS);
        assertThat(teamB.get(new KeyInput("report/2026"))).isNull();

        assertThat(restarted.delete(new KeyInput("report/2026"), NO_CONTEXT)).isTrue();
        assertThat(restarted.delete(new KeyInput("report/2026"), NO_CONTEXT)).isFalse();
        assertThat(teamA.get(new KeyInput("report/2026"))).isNull();
    }

    @Test
    void leftoverTempFilesFromACrashAreIgnored() throws IOException {
        StateCapability state = StateCapability.persistent(persistDir, "default", StateCapability.Limits.DEFAULTS);
        state.set(new SetInput("a", JSON.readTree("1")), NO_CONTEXT);
        Files.writeString(persistDir.resolve("default/.61.json.paddock-tmp"), "{half-writ");
        Files.writeString(persistDir.resolve("default/not-hex.json"), "{}");
        assertThat(state.list(new ListInput(""))).containsExactly("a");
        assertThat(state.get(new KeyInput("a")).asInt()).isEqualTo(1);
    }

    @Test
    void enforcesKeyValueAndTotalLimits() {
        StateCapability state = StateCapability.inMemory(new StateCapability.Limits(8, 20, 30, 100, 0));
        assertThatThrownBy(() -> state.set(new SetInput("", JSON.readTree("1")), NO_CONTEXT)).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> state.set(new SetInput("123456789", JSON.readTree("1")), NO_CONTEXT)).hasMessageContaining("at most 8");
        assertThatThrownBy(() -> state.set(new SetInput("k", JSON.readTree("\"" + "x".repeat(30) + "\"")), NO_CONTEXT))
                .hasMessageContaining("limit is 20");
        state.set(new SetInput("a", JSON.readTree("\"" + "x".repeat(15) + "\"")), NO_CONTEXT);
        state.set(new SetInput("a", JSON.readTree("\"" + "y".repeat(15) + "\"")), NO_CONTEXT); // replacing does not double-count
        assertThatThrownBy(() -> state.set(new SetInput("b", JSON.readTree("\"" + "z".repeat(15) + "\"")), NO_CONTEXT))
                .hasMessageContaining("limit is 30");
        assertThatThrownBy(() -> state.set(new SetInput("c", null), NO_CONTEXT)).hasMessageContaining("state.delete");
    }

    // Through the call path, as agent code calls state.

    private static AgentCalls agent(StateCapability state) {
        return AgentCalls.to(Capability.of(StateCapability.NAMESPACE, StateCapability.DECLARATIONS, state));
    }

    /** One object argument as the JSON text the isolate sends (lone surrogates stay \\u escapes, as from JS). */
    private static String arg(Map<String, ?> input) {
        return new String(JSON.writeValueAsBytes(List.of(input)), StandardCharsets.UTF_8);
    }

    private static String set(String key, Object value) {
        return arg(Map.of("key", key, "value", value));
    }

    private static String key(String key) {
        return arg(Map.of("key", key));
    }

    private static void assertFails(AgentCalls agent, String method, String arguments, String code, String message) {
        assertThatThrownBy(() -> agent.call(method, arguments))
                .isInstanceOf(CapabilityException.class)
                .satisfies(e -> assertThat(((CapabilityException) e).code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    /** What the folder holds, counted as the limits count it: key bytes, JSON bytes and the per-key overhead. */
    private static long costOnDisk(Path folder, int overheadPerKey) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).mapToLong(f -> {
                String hex = f.getFileName().toString().replace(".json", "");
                try {
                    return HexFormat.of().parseHex(hex).length + Files.size(f) + overheadPerKey;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    @Test
    void concurrentSetsFromSessionsSharingAFolderCannotOvershootTheLimit() throws IOException {
        var limits = new StateCapability.Limits(120, 1 << 20, 100_000, 10_000, 4096);
        String value = "x".repeat(10_000);
        ExecutorService hosts = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonNode>> sets = new ArrayList<>();
            for (int session = 0; session < 4; session++) {
                // Each session binds its own instance, as ProfileGrants does for every connection.
                AgentCalls agent = AgentCalls.to(Capability.of(StateCapability.NAMESPACE, StateCapability.DECLARATIONS,
                        StateCapability.persistent(persistDir, "shared", limits)), hosts);
                for (int i = 0; i < 30; i++) sets.add(agent.start("set", set("s" + session + "-" + i, value)));
            }
            long stored = sets.stream().filter(f -> f.handle((ok, failure) -> failure == null).join()).count();
            assertThat(stored).isEqualTo(100_000 / (10_002 + 4 + 4096));
            assertThat(costOnDisk(persistDir.resolve("shared"), 4096)).isLessThanOrEqualTo(100_000);
            assertThatThrownBy(() -> sets.stream().forEach(CompletableFuture::join)).rootCause()
                    .hasMessageContaining("the limit is 100000").hasMessageContaining("4096 bytes of overhead");
        } finally {
            hosts.shutdownNow();
        }
    }

    @Test
    void concurrentSetsInMemoryCannotOvershootTheLimit() {
        var limits = new StateCapability.Limits(120, 1 << 20, 100_000, 10_000, 4096);
        ExecutorService hosts = Executors.newFixedThreadPool(8);
        try {
            AgentCalls agent = AgentCalls.to(Capability.of(StateCapability.NAMESPACE, StateCapability.DECLARATIONS,
                    StateCapability.inMemory(limits)), hosts);
            List<CompletableFuture<JsonNode>> sets = new ArrayList<>();
            for (int i = 0; i < 120; i++) sets.add(agent.start("set", set("k" + i, "x".repeat(10_000))));
            long stored = sets.stream().filter(f -> f.handle((ok, failure) -> failure == null).join()).count();
            assertThat(stored).isEqualTo(100_000 / (10_002 + 3 + 4096));
            assertThat(agent.call("list", "[{}]")).hasSize((int) stored);
        } finally {
            hosts.shutdownNow();
        }
    }

    @Test
    void smallValuesCountWhatAFileCostsOnDisk() {
        AgentCalls agent = agent(StateCapability.persistent(persistDir, "small", new StateCapability.Limits(120, 1 << 20, 64 << 10, 10_000, 4096)));
        int stored = 0;
        try {
            while (stored < 100) agent.call("set", set("k" + stored++, 1));
        } catch (CapabilityException e) {
            assertThat(e.code()).isEqualTo("ENOSPC");
            assertThat(e.getMessage()).contains("4096 bytes of overhead").contains("Delete keys you no longer need");
        }
        assertThat(stored - 1).isEqualTo(15); // 65536 / (2..3 key bytes + 1 value byte + 4096)
    }

    @Test
    void theNumberOfKeysIsCappedAndReplacingOrDeletingStillWorksAtTheCap() {
        StateCapability state = StateCapability.inMemory(StateCapability.Limits.DEFAULTS);
        for (int i = 0; i < 10_000; i++) state.set(new SetInput("k" + i, JSON.readTree("1")), NO_CONTEXT);
        AgentCalls agent = agent(state);
        assertFails(agent, "set", set("one-more", 1), "ENOSPC", "already holds 10000 keys, the most it may");
        assertThat(agent.call("set", set("k7", 2)).path("bytes").asInt()).isEqualTo(1);
        assertThat(agent.call("delete", key("k8")).asBoolean()).isTrue();
        agent.call("set", set("one-more", 1));
        assertThat(agent.call("list", arg(Map.of("prefix", "one-")))).hasSize(1);
    }

    @Test
    void keysUpToTheDocumentedLimitWorkOnDiskAndLongerOnesAreRefused() {
        AgentCalls agent = agent(StateCapability.persistent(persistDir, "default", StateCapability.Limits.DEFAULTS));
        String ascii = "k".repeat(120);
        String euros = "\u20ac".repeat(40); // 120 bytes of UTF-8
        for (String k : List.of("k".repeat(119), ascii, euros)) {
            assertThat(agent.call("set", set(k, Map.of("ok", true))).path("key").asString()).isEqualTo(k);
            assertThat(agent.call("get", key(k)).path("ok").asBoolean()).isTrue();
        }
        assertThat(agent.call("list", "[{}]").valueStream().map(JsonNode::asString)).containsExactly("k".repeat(119), ascii, euros);
        assertThat(agent.call("delete", key(ascii)).asBoolean()).isTrue();
        assertFails(agent, "set", set(ascii + "k", 1), "EINVAL", "key is 121 bytes of UTF-8; keys may have at most 120");
        assertFails(agent, "get", key(euros + "k"), "EINVAL", "at most 120");
    }

    @Test
    void keysWithLoneSurrogatesAreRefusedSoNoTwoKeysShareAFile() {
        for (StateCapability state : List.of(StateCapability.inMemory(StateCapability.Limits.DEFAULTS),
                StateCapability.persistent(persistDir, "surrogates", StateCapability.Limits.DEFAULTS))) {
            AgentCalls agent = agent(state);
            agent.call("set", set("k?", "question mark"));
            assertFails(agent, "set", set("k\ud800", "lone"), "EILSEQ",
                    "state: input.key contains a lone surrogate (\\ud800) at index 1, which UTF-8 cannot store");
            assertFails(agent, "get", key("\udc00"), "EILSEQ", "toWellFormed()");
            assertThat(agent.call("get", key("k?")).asString()).isEqualTo("question mark");
            assertThat(agent.call("set", set("\ud83d\ude00", 1)).path("key").asString()).isEqualTo("\ud83d\ude00");
        }
    }

    @Test
    void valuesKeepLoneSurrogatesExactlyInBothStores() {
        String arguments = "[{\"key\": \"v\", \"value\": {\"name\\ud800\": [\"a\\udc00b\", \"\\ud83d\\ude00\"]}}]";
        for (StateCapability state : List.of(StateCapability.inMemory(StateCapability.Limits.DEFAULTS),
                StateCapability.persistent(persistDir, "values", StateCapability.Limits.DEFAULTS))) {
            AgentCalls agent = agent(state);
            agent.call("set", arguments);
            assertThat(agent.call("get", key("v"))).isEqualTo(JSON.readTree(arguments).path(0).path("value"));
        }
    }

    @Test
    void aReopenedFolderCountsWhatIsAlreadyStored() throws IOException {
        var limits = new StateCapability.Limits(120, 1 << 20, 3 * 4100, 10_000, 4096);
        StateCapability first = StateCapability.persistent(persistDir, "before", limits);
        first.set(new SetInput("a", JSON.readTree("1")), NO_CONTEXT);
        first.set(new SetInput("b", JSON.readTree("2")), NO_CONTEXT);
        // Another folder with the same files stands for this one after a restart.
        Path copy = Files.createDirectories(persistDir.resolve("after"));
        try (Stream<Path> files = Files.list(persistDir.resolve("before"))) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        AgentCalls agent = agent(StateCapability.persistent(persistDir, "after", limits));
        assertThat(agent.call("list", "[{}]").valueStream().map(JsonNode::asString)).containsExactly("a", "b");
        agent.call("set", set("c", 3));
        assertFails(agent, "set", set("d", 4), "ENOSPC", "the limit is 12300");
    }

    @Test
    void storageErrorsNameTheKeyAndNeverTheHostPath() throws IOException {
        AgentCalls agent = agent(StateCapability.persistent(persistDir, "broken", StateCapability.Limits.DEFAULTS));
        Files.createDirectories(persistDir.resolve("broken/" + HexFormat.of().formatHex("a".getBytes(StandardCharsets.UTF_8)) + ".json"));
        for (String call : List.of("get", "set")) {
            assertThatThrownBy(() -> agent.call(call, call.equals("get") ? key("a") : set("a", 1)))
                    .isInstanceOf(CapabilityException.class)
                    .hasMessageMatching("cannot (read|store) state key \"a\": is a directory")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(persistDir.toString()));
        }
        try (Stream<Path> left = Files.list(persistDir.resolve("broken"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).noneMatch(n -> n.startsWith(".paddock-tmp-"));
        }
    }

    @Test
    void anotherProcessOnTheSameFolderIsSeenAndCounted() throws Exception {
        var limits = new StateCapability.Limits(120, 1 << 20, 3 * 4110, 10_000, 4096);
        AgentCalls agent = agent(StateCapability.persistent(persistDir, "stdio", limits));
        agent.call("set", set("mine", 1));
        assertThat(OtherProcessSession.run(persistDir, "stdio", limits.maxTotalBytes(), "theirs", "2")).isZero();
        assertThat(agent.call("list", "[{}]").valueStream().map(JsonNode::asString)).containsExactly("mine", "theirs");
        assertThat(agent.call("get", key("theirs")).asInt()).isEqualTo(2);
        agent.call("set", set("third", 3));
        assertFails(agent, "set", set("fourth", 4), "ENOSPC", "the limit is 12330");
        // And the other process counts what this one stored.
        assertThat(OtherProcessSession.run(persistDir, "stdio", limits.maxTotalBytes(), "fifth", "5")).isNotZero();
    }
}
