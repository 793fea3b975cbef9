package dev.paddock.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resumable stream on its own: ids, the bounded replay buffer, detaching and completing. */
class EventStreamTest {
    private final EventStream stream =
            new EventStream("4", 2, 1 << 20, () -> {});

    private void send(String message) {
        stream.sendMessage(new JSONRPCNotification("notifications/message", Map.of("data", message))).block();
    }

    private static List<String> collect(reactor.core.publisher.Flux<String> frames) {
        return frames.take(Duration.ofMillis(300)).collectList().block();
    }

    @Test
    void primingEventCarriesAnIdAndTheRetryDelay() {
        var frames = collect(stream.attach(0, true, Duration.ofMillis(1500)));
        assertThat(frames).containsExactly("id: 4-0\nretry: 1500\ndata: \n\n");
    }

    @Test
    void resumingReplaysOnlyWhatCameAfterTheLastSeenEvent() {
        send("a");
        send("b");
        stream.close();
        var frames = collect(stream.attach(1, false, null));
        assertThat(frames).hasSize(1);
        assertThat(frames.getFirst()).startsWith("id: 4-2\nevent: message\ndata: ").contains("\"b\"");
    }

    @Test
    void theReplayBufferKeepsOnlyTheNewestEvents() {
        send("a");
        send("b");
        send("c");
        stream.close();
        var frames = collect(stream.attach(0, false, null));
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).startsWith("id: 4-2");
        assertThat(frames.get(1)).startsWith("id: 4-3");
    }

    @Test
    void messagesSentWhileDetachedWaitForTheNextConnection() {
        var first = stream.attach(0, false, null);
        assertThat(stream.attached()).isTrue();
        stream.closeConnection();
        assertThat(stream.attached()).isFalse();
        assertThat(collect(first)).as("the first connection ended empty").isEmpty();
        send("while away");
        var frames = collect(stream.attach(0, false, null));
        assertThat(frames).singleElement().asString().contains("while away");
    }

    @Test
    void theReplayBufferIsBoundedInBytesButAlwaysKeepsTheNewestEvent() {
        var small = new EventStream("5", 100, 300, () -> {});
        for (String text : List.of("a".repeat(100), "b".repeat(100), "c".repeat(100), "d".repeat(500))) {
            small.sendMessage(new JSONRPCNotification("notifications/message", Map.of("data", text))).block();
        }
        small.close();
        var frames = collect(small.attach(0, false, null));
        assertThat(frames).as("the 500-byte event alone is over the bound, and it is the one kept")
                .singleElement().asString().startsWith("id: 5-4").contains("ddd");
    }
}
