package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.fuzz.JsonRpcMutator;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 10,000 mutated JSON-RPC lines over stdio to the real server with real isolates: it neither crashes nor
 * hangs, answers every well-formed request exactly once, still works afterwards, and keeps no memory.
 */
class StdioFuzzTest {

    private static final long SEED = 6;
    private static final int WARM_UP = 1_000;
    private static final int MESSAGES = 10_000;
    private static final long MEMORY_SLACK = 48L << 20;

    private final Map<String, AtomicInteger> replies = new ConcurrentHashMap<>();
    private final AtomicInteger lines = new AtomicInteger();
    /** How many sent lines carried each usable id: the most replies it may get. */
    private final Map<String, Integer> mayAnswer = new ConcurrentHashMap<>(Map.of("\"init\"", 1, "\"ts\"", 1, "\"after\"", 1));

    @Test
    void tenThousandMutatedMessagesAreAnsweredAndLeaveNothingBehind() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Limits.DEFAULTS)) {
            Pipe stdin = Pipe.open();
            Pipe stdout = Pipe.open();
            OutputStream toServer = Channels.newOutputStream(stdin.sink());
            PaddockServer server = PaddockServer.overStdio(Channels.newInputStream(stdin.source()),
                    Channels.newOutputStream(stdout.sink()), sandbox::newIsolate,
                    ProfileGrants.loadAll(PaddockConfig.defaults()).get(Profile.DEFAULT), ExtraFeatures.NONE);
            readReplies(new BufferedReader(new InputStreamReader(Channels.newInputStream(stdout.source()), StandardCharsets.UTF_8)));

            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            // A TypeScript execution waits for the compiler load that Sandbox.start began: warm before measuring.
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":\"ts\",\"method\":\"tools/call\",\"params\":{\"name\":\"execute\","
                    + "\"arguments\":{\"code\":\"const n: number = 1; n\"}}}");
            awaitReplies(Map.of("\"init\"", 1, "\"ts\"", 1));

            JsonRpcMutator mutator = new JsonRpcMutator(SEED);
            awaitReplies(sendFuzz(toServer, mutator, WARM_UP));
            long before = heapAfterGc();

            long start = System.nanoTime();
            Map<String, Integer> owed = sendFuzz(toServer, mutator, MESSAGES);
            awaitReplies(owed);
            long millis = (System.nanoTime() - start) / 1_000_000;

            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"tools/list\"}");
            awaitReplies(Map.of("\"after\"", 1));
            long after = heapAfterGc();
            System.out.printf("fuzz: %d messages (%d owed a reply) in %d ms, %d lines back; heap %d -> %d MiB%n",
                    MESSAGES, owed.size(), millis, lines.get(), before >> 20, after >> 20);
            assertThat(after - before).as("heap growth in bytes").isLessThan(MEMORY_SLACK);

            toServer.close();
            server.closed().orTimeout(10, TimeUnit.SECONDS).join();
            server.close();
        }
    }

    /** Ids a well-formed request must be answered on, with counts; {@link #mayAnswer} gets the rest. */
    private Map<String, Integer> sendFuzz(OutputStream toServer, JsonRpcMutator mutator, int count) throws IOException {
        Map<String, Integer> owed = new HashMap<>();
        for (int i = 0; i < count; i++) {
            // Judge the line as the server reads it: UTF-8 turns lone surrogates into '?'.
            String line = new String(mutator.next().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            String id = JsonRpcMutator.owedReplyId(line);
            if (id != null) owed.merge(id, 1, Integer::sum);
            String possible = JsonRpcMutator.possibleReplyId(line);
            if (possible != null) mayAnswer.merge(possible, 1, Integer::sum);
            send(toServer, line);
        }
        return owed;
    }

    /** Every owed reply arrives (no hang, no lost request), and no id is answered more often than sent. */
    private void awaitReplies(Map<String, Integer> owed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !owed.entrySet().stream().allMatch(e -> count(e.getKey()) >= e.getValue())) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        for (var e : owed.entrySet()) {
            assertThat(count(e.getKey())).as("replies to id " + e.getKey()).isGreaterThanOrEqualTo(e.getValue());
        }
        for (var e : replies.entrySet()) {
            int allowed = mayAnswer.getOrDefault(e.getKey(), 0);
            assertThat(e.getValue().get()).as("replies to id " + e.getKey()).isLessThanOrEqualTo(allowed);
        }
    }

    private int count(String id) {
        AtomicInteger n = replies.get(id);
        return n == null ? 0 : n.get();
    }

    private void readReplies(BufferedReader reader) {
        Thread.ofPlatform().daemon().name("fuzz-reader").start(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.incrementAndGet();
                    JsonNode reply = JsonMapper.shared().readTree(line);
                    if (reply.has("method")) continue;
                    String id = JsonRpcMutator.idKey(reply.get("id"));
                    if (id != null) replies.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                }
            } catch (IOException ignored) {
                // The server closed its end.
            }
        });
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
