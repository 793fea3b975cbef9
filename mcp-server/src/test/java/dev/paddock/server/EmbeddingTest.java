package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.Paddock;
import dev.paddock.config.ConfigException;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.transport.http.HttpSettings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Paddock as a library: a host registers a capability in code, as the README shows. */
class EmbeddingTest {
    static final String WEATHER = """
            export interface Weather {
              /** Today's high in °C for a city. */
              high(input: { city: string }): Promise<{ city: string; celsius: number }>;
            }
            """;

    public static final class WeatherApi {
        public record City(String city) {}

        public record High(String city, int celsius) {}

        public High high(City input) {
            return new High(input.city(), input.city().length() * 3);
        }
    }

    public static final class Forgetful {}

    public static final class Pictures {
        public McpSchema.ImageContent logo() {
            return new McpSchema.ImageContent(null, "iVBORw0KGgo=", "image/png");
        }
    }

    public static final class Reporter {
        public String work(JsonNode input, dev.paddock.capability.CallContext context) {
            context.progress(1, 2.0, "halfway");
            context.log("warning", "disk almost full");
            return "done before " + (context.deadline().isAfter(java.time.Instant.now()) ? "the deadline" : "?")
                    + " as " + context.profile() + (context.cancelled() ? " (cancelled)" : "");
        }
    }

    @Test
    void aCapabilityReportsProgressAndLogsToTheClientThroughItsCallContext() throws Exception {
        ProfileGrants grants = Paddock.builder()
                .capability("job", "export interface Job { work(input: {}): Promise<string>; }", new Reporter()).grants();
        try (StdioClient client = new StdioClient(sandbox::newIsolate, grants)) {
            client.initialize("2025-11-25");
            client.request(9, "logging/setLevel", "{\"level\": \"debug\"}");
            String call = JsonMapper.shared().createObjectNode().put("code", "return await job.work({})").toString();
            JsonNode result = client.callExecute(1, call, "{\"progressToken\": \"p1\"}").get("result");
            assertThat(result.at("/structuredContent/result").asString()).isEqualTo("done before the deadline as default");
            client.await(m -> "notifications/progress".equals(m.path("method").asString(""))
                    && m.at("/params/message").asString("").contains("halfway"), "capability progress");
            client.await(m -> "notifications/message".equals(m.path("method").asString(""))
                    && m.at("/params/data").asString("").equals("disk almost full")
                    && m.at("/params/level").asString("").equals("warning"), "capability log message");
        }
    }

    @Test
    void richContentReturnedByACapabilityReachesTheClientAsMcpContent() throws Exception {
        ProfileGrants grants = Paddock.builder()
                .capability("pics", "export interface Pics { /** The logo. */ logo(): Promise<unknown>; }", new Pictures()).grants();
        try (StdioClient client = new StdioClient(sandbox::newIsolate, grants)) {
            client.initialize("2025-11-25");
            String call = JsonMapper.shared().createObjectNode()
                    .put("code", "const logo = await pics.logo(); return { caption: 'our logo', logo }").toString();
            JsonNode result = client.callExecute(1, call, null).get("result");
            assertThat(result.at("/content/1/type").asString()).isEqualTo("image");
            assertThat(result.at("/content/1/mimeType").asString()).isEqualTo("image/png");
            assertThat(result.at("/structuredContent/result").toString())
                    .isEqualTo("{\"caption\":\"our logo\",\"logo\":{\"$type\":\"mcp-content\",\"type\":\"image\",\"item\":1}}");
        }
    }

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(Limits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aCapabilityRegisteredInCodeIsCallableFromAgentCode() throws Exception {
        ProfileGrants grants = Paddock.builder().capability("weather", WEATHER, new WeatherApi()).grants();
        try (StdioClient client = new StdioClient(sandbox::newIsolate, grants)) {
            client.initialize("2025-11-25");
            String call = JsonMapper.shared().createObjectNode().put("code", "return await weather.high({ city: 'Oslo' })").toString();
            JsonNode result = client.callExecute(1, call, null).get("result");
            assertThat(result.at("/structuredContent/result").toString()).isEqualTo("{\"city\":\"Oslo\",\"celsius\":12}");
        }
    }

    @Test
    void aMissingMethodOrAnUngrantedCapabilitySaysWhatIsGranted() throws Exception {
        ProfileGrants grants = Paddock.builder().capability("weather", WEATHER, new WeatherApi()).grants();
        try (StdioClient client = new StdioClient(sandbox::newIsolate, grants)) {
            client.initialize("2025-11-25");
            String missing = JsonMapper.shared().createObjectNode().put("code", "return await weather.low({ city: 'Oslo' })").toString();
            assertThat(client.callExecute(1, missing, null).at("/result/content/0/text").asString())
                    .contains("TypeError: weather.low is not a function; weather has: high");
            String ungranted = JsonMapper.shared().createObjectNode().put("code", "return await files.read({ path: 'a' })").toString();
            assertThat(client.callExecute(2, ungranted, null).at("/result/content/0/text").asString())
                    .contains("ReferenceError: files is not granted to this connection; granted: weather");
            String typo = JsonMapper.shared().createObjectNode().put("code", "return wether").toString();
            assertThat(client.callExecute(3, typo, null).at("/result/content/0/text").asString())
                    .contains("ReferenceError: wether is not defined").doesNotContain("granted");
        }
    }

    @Test
    void anEmbedderServesStreamableHttpThroughTheBuilderUntilItClosesTheRuntime() throws Exception {
        String base;
        try (PaddockRuntime runtime = Paddock.builder().capability("weather", WEATHER, new WeatherApi()).start()) {
            base = "http://127.0.0.1:" + runtime.serveHttp(HttpSettings.loopback(0), false, Duration.ofSeconds(60));
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(30)).build();
            try {
                client.initialize();
                var result = client.callTool(CallToolRequest.builder().name("execute")
                        .arguments(Map.of("code", "return await weather.high({ city: 'Oslo' })")).build());
                assertThat(JsonMapper.shared().<JsonNode>valueToTree(result.structuredContent()).path("result").toString())
                        .isEqualTo("{\"city\":\"Oslo\",\"celsius\":12}");
            } finally {
                client.close();
            }
        }
        var healthz = HttpRequest.newBuilder(URI.create(base + "/healthz")).build();
        try (var http = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> http.send(healthz, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aDeclaredMethodWithoutImplementationStopsStartupNamingIt() {
        assertThatThrownBy(() -> Paddock.builder().capability("weather", WEATHER, new Forgetful()).grants())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("weather.high is declared but Forgetful has no public method high");
    }

    @Test
    void aProviderThatThrowsStopsStartupInOneLineNamingIt() {
        var failing = new dev.paddock.capability.CapabilityProvider() {
            @Override
            public String name() {
                return "weather";
            }

            @Override
            public dev.paddock.capability.Capability create(dev.paddock.capability.ProviderContext context) {
                throw new IllegalStateException("no API key");
            }
        };
        assertThatThrownBy(() -> Paddock.builder().provider(failing).grants())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the provider of \"weather\"")
                .hasMessageContaining("failed to create it: java.lang.IllegalStateException: no API key")
                .message().doesNotContain("\n");
    }
}
