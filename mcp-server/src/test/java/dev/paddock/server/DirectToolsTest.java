package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.Paddock;
import dev.paddock.capability.CallContext;
import dev.paddock.transport.http.HttpSettings;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A capability exposed as direct tools ({@code "exposeAsTools": true}), called by the SDK's own client over
 * HTTP: MCP content comes back as content items, and the method's CallContext reaches the client exactly as
 * in an execute call (progress, logs, sampling, elicitation, deadline, profile).
 */
@Timeout(60)
class DirectToolsTest {
    static final String STUDIO = """
            export interface Studio {
              /** The logo. */
              logo(): Promise<unknown>;
              /** A caption, the logo and the brand sheet. */
              poster(): Promise<unknown>;
              /** The logo with its caption. */
              card(): Promise<{ caption: string; logo: unknown }>;
              /** A greeting. */
              greet(input: { name: string }): Promise<string>;
              /** Renders frames, reporting progress and logging. */
              render(input: { frames: number }): Promise<string>;
              /** Asks the client's model for a title. */
              title(input: { topic: string }): Promise<string>;
              /** Asks the user for a size. */
              size(): Promise<unknown>;
              /** Who is calling, and whether time is left. */
              whoami(): Promise<string>;
            }
            """;

    public static final class Studio {
        public record Greet(String name) {}

        public record Render(int frames) {}

        public record Topic(String topic) {}

        public McpSchema.ImageContent logo() {
            return new ImageContent(null, "iVBORw0KGgo=", "image/png");
        }

        public List<McpSchema.Content> poster() {
            return List.of(new TextContent("Spring sale"), logo(), EmbeddedResource.builder(McpSchema.TextResourceContents
                    .builder("brand://sheet", "{\"colour\":\"teal\"}").mimeType("application/json").build()).build());
        }

        public Map<String, Object> card() {
            return Map.of("caption", "our logo", "logo", logo());
        }

        public String greet(Greet input) {
            return "Hello, " + input.name() + "!";
        }

        public String render(Render input, CallContext context) {
            for (int frame = 1; frame <= input.frames(); frame++) {
                context.progress(frame, (double) input.frames(), "frame " + frame);
                context.log("notice", "rendered frame " + frame);
            }
            return "rendered " + input.frames() + " frames";
        }

        public CompletableFuture<String> title(Topic input, CallContext context) {
            JsonNode request = JsonMapper.shared().readTree("""
                    {"messages": [{"role": "user", "content": {"type": "text", "text": "A title about %s"}}],
                     "maxTokens": 20}""".formatted(input.topic()));
            return context.sample(request).thenApply(answer -> answer.at("/content/text").asString());
        }

        public CompletableFuture<JsonNode> size(CallContext context) {
            JsonNode schema = JsonMapper.shared().readTree("""
                    {"type": "object", "properties": {"width": {"type": "integer"}}, "required": ["width"]}""");
            return context.elicit("How wide?", schema);
        }

        public String whoami(CallContext context) {
            return context.profile() + (context.deadline().isAfter(Instant.now()) ? ", in time" : ", late")
                    + (context.cancelled() ? ", cancelled" : "");
        }
    }

    @TempDir
    Path dir;
    private PaddockHttpServer server;
    private String url;
    private McpSyncClient client;
    private final List<McpSchema.CreateMessageRequest> samplings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), "{\"exposeAsTools\": true}");
        ProfileGrants grants = Paddock.builder().config(config).capability("studio", STUDIO, new Studio()).grants();
        // Direct calls never run agent code: an isolate asked for would be a bug.
        server = new PaddockHttpServer(HttpSettings.loopback(0), (api, limits) -> {
            throw new AssertionError("a direct tool call asked for an isolate");
        }, Map.of(HttpSettings.DEFAULT_PROFILE, grants), false, null);
        url = "http://127.0.0.1:" + server.start();
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(30))
                .capabilities(ClientCapabilities.builder().sampling().elicitation().build())
                .sampling(request -> {
                    samplings.add(request);
                    return CreateMessageResult.builder(McpSchema.Role.ASSISTANT, "Blossoms at Half Price", "test-model").build();
                })
                .elicitation(request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("width", 640)))
                .build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void mcpContentFromACapabilityBecomesContentItemsOfTheDirectToolResult() {
        CallToolResult logo = call("studio_logo", Map.of(), null);
        assertThat(logo.content()).singleElement().isInstanceOfSatisfying(ImageContent.class, image -> {
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(image.data()).isEqualTo("iVBORw0KGgo=");
        });
        assertThat(logo.structuredContent()).isNull();

        CallToolResult poster = call("studio_poster", Map.of(), null);
        assertThat(poster.content()).extracting(McpSchema.Content::type).containsExactly("text", "image", "resource");
        assertThat(((TextContent) poster.content().get(0)).text()).isEqualTo("Spring sale");
        assertThat(((EmbeddedResource) poster.content().get(2)).resource().uri()).isEqualTo("brand://sheet");

        // Nested content is lifted out; the JSON keeps a reference to the item it became.
        CallToolResult card = call("studio_card", Map.of(), null);
        assertThat(card.content()).extracting(McpSchema.Content::type).containsExactly("text", "image");
        JsonNode text = JsonMapper.shared().readTree(((TextContent) card.content().get(0)).text());
        assertThat(text.get("logo").toString()).isEqualTo("{\"$type\":\"mcp-content\",\"type\":\"image\",\"item\":1}");
        assertThat(JsonMapper.shared().<JsonNode>valueToTree(card.structuredContent())).isEqualTo(text);
    }

    @Test
    void aStringResultIsPlainText() {
        CallToolResult greeting = call("studio_greet", Map.of("name", "Ada"), null);
        assertThat(greeting.isError()).isFalse();
        assertThat(((TextContent) greeting.content().getFirst()).text()).isEqualTo("Hello, Ada!");
    }

    @Test
    void progressAndLogsOfADirectCallReachTheClientAsTheCapabilityReportsThem() {
        // The sync client hands each notification to its consumer on a thread of its own, so its consumers
        // may see them out of order; an async client's consumers run in the order the stream delivers.
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        McpAsyncClient ordered = McpClient.async(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(30))
                .progressConsumer(p -> Mono.fromRunnable(() -> progress.add(p)))
                .loggingConsumer(l -> Mono.fromRunnable(() -> logs.add(l)))
                .build();
        try {
            ordered.initialize().block();
            ordered.setLoggingLevel(LoggingLevel.DEBUG).block();
            CallToolResult rendered = ordered.callTool(CallToolRequest.builder().name("studio_render")
                    .arguments(Map.of("frames", 3)).progressToken("render-1").build()).block();

            assertThat(((TextContent) rendered.content().getFirst()).text()).isEqualTo("rendered 3 frames");
            awaitSize(() -> progress, 3);
            assertThat(progress).extracting(ProgressNotification::progressToken).containsOnly("render-1");
            assertThat(progress).extracting(ProgressNotification::progress).containsExactly(1.0, 2.0, 3.0);
            assertThat(progress).extracting(ProgressNotification::total).containsOnly(3.0);
            assertThat(progress).extracting(ProgressNotification::message).containsExactly("frame 1", "frame 2", "frame 3");
            awaitSize(() -> logs, 3);
            assertThat(logs).extracting(LoggingMessageNotification::level).containsOnly(LoggingLevel.NOTICE);
            assertThat(logs).extracting(LoggingMessageNotification::data)
                    .containsExactly("rendered frame 1", "rendered frame 2", "rendered frame 3");
        } finally {
            ordered.closeGracefully().block();
        }
    }

    @Test
    void aDirectCallAsksTheClientsModelAndUserThroughItsCallContext() {
        CallToolResult title = call("studio_title", Map.of("topic", "tulips"), null);
        assertThat(((TextContent) title.content().getFirst()).text()).isEqualTo("Blossoms at Half Price");
        assertThat(samplings).singleElement().satisfies(request -> {
            assertThat(request.maxTokens()).isEqualTo(20);
            assertThat(((TextContent) request.messages().getFirst().content()).text()).isEqualTo("A title about tulips");
        });

        CallToolResult size = call("studio_size", Map.of(), null);
        assertThat(JsonMapper.shared().<JsonNode>valueToTree(size.structuredContent()).toString())
                .isEqualTo("{\"action\":\"accept\",\"content\":{\"width\":640}}");
    }

    @Test
    void aDirectCallKnowsItsProfileAndDeadline() {
        CallToolResult who = call("studio_whoami", Map.of(), null);
        assertThat(((TextContent) who.content().getFirst()).text()).isEqualTo("default, in time");
    }

    private CallToolResult call(String tool, Map<String, Object> arguments, String progressToken) {
        var request = CallToolRequest.builder().name(tool).arguments(arguments);
        if (progressToken != null) request.progressToken(progressToken);
        CallToolResult result = client.callTool(request.build());
        assertThat(result.isError()).as("%s failed: %s", tool, result.content()).isFalse();
        return result;
    }

    /** Notifications are sent before the answer; this keeps the test independent of when consumers run. */
    private static void awaitSize(Supplier<List<?>> list, int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.get().size() < size && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
