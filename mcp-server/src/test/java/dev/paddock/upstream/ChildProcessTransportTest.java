package dev.paddock.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** What the transport makes of the lines a real child process writes on stdout, oversized ones above all. */
class ChildProcessTransportTest {
    private static final int MAX = 2_000;
    private static final String BIG = "x".repeat(5_000);

    @TempDir
    Path dir;

    @Test
    void anOversizedResponseFailsItsRequestWhereverTheSdkPutTheId() throws Exception {
        List<JSONRPCMessage> received = read(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"" + BIG + "\"}}",
                "{\"result\":{\"content\":[{\"id\":99,\"text\":\"" + BIG + "\"}]},\"jsonrpc\":\"2.0\",\"id\":2}",
                "{\"result\":{\"text\":\"" + BIG + "\"},\"id\":\"call-3\",\"jsonrpc\":\"2.0\"}\r",
                "{\"id\":4,\"result\":{\"text\":\"" + BIG + "\"},\"jsonrpc\":\"2.0\"}");

        assertThat(received).hasSize(4).allSatisfy(message -> assertThat(message)
                .isInstanceOfSatisfying(McpSchema.JSONRPCResponse.class, response -> {
                    assertThat(response.error().code()).isEqualTo(UpstreamResults.TOO_LARGE);
                    assertThat(response.result()).isNull();
                }));
        assertThat(received).extracting(message -> ((McpSchema.JSONRPCResponse) message).id())
                .containsExactly(1L, 2L, "call-3", 4L);
    }

    @Test
    void anOversizedLineWithoutATopLevelIdIsDroppedAndReadingGoesOn() throws Exception {
        List<JSONRPCMessage> received = read(
                "{\"result\":{\"content\":[{\"id\":99,\"text\":\"" + BIG + "\"}]},\"jsonrpc\":\"2.0\"}",
                "Starting server… (a banner, not JSON-RPC)",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"ok\":true}}");

        assertThat(received).singleElement().isInstanceOfSatisfying(McpSchema.JSONRPCResponse.class, response -> {
            assertThat(response.id()).isEqualTo(5);
            assertThat(response.error()).isNull();
        });
    }

    /**
     * Runs a child that prints these lines and then a last notification, and returns the messages the transport
     * handed on before that notification, which says the reader has got to the end.
     */
    private List<JSONRPCMessage> read(String... lines) throws Exception {
        Path printed = dir.resolve("lines.txt");
        var all = new ArrayList<>(List.of(lines));
        all.add("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/end\"}");
        Files.write(printed, all);
        var launch = new UpstreamSpec.Stdio("cat", List.of(printed.toString()), Map.of(), dir);
        var transport = new ChildProcessTransport("lines", launch, new JacksonMcpJsonMapper(JsonMapper.shared()), MAX);
        var received = new LinkedBlockingQueue<JSONRPCMessage>();
        transport.connect(message -> message.doOnNext(received::add).then(Mono.empty())).block();
        List<JSONRPCMessage> before = new ArrayList<>();
        try {
            for (JSONRPCMessage next = received.poll(10, TimeUnit.SECONDS);
                    !(next instanceof McpSchema.JSONRPCNotification); next = received.poll(10, TimeUnit.SECONDS)) {
                assertThat(next).as("a message before the last line within 10 s").isNotNull();
                before.add(next);
            }
        } finally {
            transport.close();
        }
        return before;
    }
}
