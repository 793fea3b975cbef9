package dev.paddock.conformance;

import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.CapabilitySettingsException;
import dev.paddock.capability.ProviderContext;
import dev.paddock.server.ExtraFeatures;
import dev.paddock.transport.http.StreamControl;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import tools.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * What the official conformance suite (npm {@code @modelcontextprotocol/conformance} 0.1.16) calls, for
 * conformance-tests only (paddock.json {@code "http": {"conformanceFixture": true}}):
 * <ul>
 * <li>{@link #capability()}: the {@code test} capability ({@link ConformanceTools}), which the fixture config
 *     grants and exposes as direct tools like any capability;</li>
 * <li>{@link #serverFeatures()}: its resources, resource template, prompts and completion, registered with
 *     the server's own API, plus the two tools that are about the protocol rather than an API for agent
 *     code: {@code test_reconnection} lets go of its HTTP connection mid-call (transport behaviour, which
 *     capabilities never see), and {@code json_schema_2020_12_tool} must list a hand-written JSON Schema
 *     ({@code $schema}, {@code $defs}) that declarations generated from TypeScript do not produce.</li>
 * </ul>
 */
public final class ConformanceFixture {
    private static final Pattern TEMPLATE_ID = Pattern.compile("test://template/([^/]+)/data");
    private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());

    private ConformanceFixture() {}

    /** The {@code test} capability, to be granted under "capabilities" (it takes no settings). */
    public static CapabilityProvider capability() {
        return new CapabilityProvider() {
            @Override
            public String name() {
                return ConformanceTools.NAMESPACE;
            }

            @Override
            public void validate(ProviderContext context) {
                if (!context.settings().isEmpty()) {
                    throw new CapabilitySettingsException(context.settings().propertyNames().iterator().next(),
                            "unknown setting; the conformance fixture's \"test\" capability takes none");
                }
            }

            @Override
            public Capability create(ProviderContext context) {
                return Capability.of(ConformanceTools.NAMESPACE, ConformanceTools.DECLARATIONS,
                        new ConformanceTools(JsonMapper.shared()));
            }
        };
    }

    public static ExtraFeatures serverFeatures() {
        return new ExtraFeatures(List.of(reconnectionTool(), jsonSchemaTool()), resources(), true, List.of(template()),
                prompts(), List.of(new AsyncCompletionSpecification(new PromptReference("test_prompt_with_arguments"),
                        (exchange, request) -> Mono.just(new CompleteResult(new CompleteResult.CompleteCompletion(
                                List.of("paris", "park", "party"), 3, false))))));
    }

    /** SEP-1699 polling: the client gets the answer by reconnecting with {@code Last-Event-ID}. */
    private static AsyncToolSpecification reconnectionTool() {
        return AsyncToolSpecification.builder()
                .tool(Tool.builder("test_reconnection", NO_ARGUMENTS)
                        .description("Drops the SSE connection mid-call, then answers").build())
                .callHandler((exchange, request) -> {
                    var stream = StreamControl.of(exchange.transportContext());
                    if (stream != null) stream.closeConnection();
                    return Mono.delay(Duration.ofMillis(100))
                            .thenReturn(ok(text("Reconnection test completed successfully")));
                })
                .build();
    }

    private static AsyncToolSpecification jsonSchemaTool() {
        Map<String, Object> schema = Map.of(
                "$schema", "https://json-schema.org/draft/2020-12/schema",
                "type", "object",
                "$defs", Map.of("address", Map.of("type", "object", "properties", Map.of(
                        "street", Map.of("type", "string"), "city", Map.of("type", "string")))),
                "properties", Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")),
                "additionalProperties", false);
        return AsyncToolSpecification.builder()
                .tool(Tool.builder("json_schema_2020_12_tool", schema)
                        .description("Has an input schema using JSON Schema 2020-12 features").build())
                .callHandler((exchange, request) -> Mono.just(ok(text("ok"))))
                .build();
    }

    private static List<AsyncResourceSpecification> resources() {
        return List.of(
                resource("test://static-text", "Static text", "text/plain",
                        TextResourceContents.builder("test://static-text",
                                "This is the content of the static text resource.").mimeType("text/plain").build()),
                resource("test://static-binary", "Static binary", "image/png",
                        BlobResourceContents.builder("test://static-binary", ConformanceTools.PNG)
                                .mimeType("image/png").build()),
                resource("test://watched-resource", "Watched resource", "text/plain",
                        TextResourceContents.builder("test://watched-resource", "A resource clients subscribe to.")
                                .mimeType("text/plain").build()));
    }

    private static AsyncResourceTemplateSpecification template() {
        var template = ResourceTemplate.builder("test://template/{id}/data", "Data by id")
                .description("JSON data for the id in the URI").mimeType("application/json").build();
        return new AsyncResourceTemplateSpecification(template, (exchange, request) -> {
            var match = TEMPLATE_ID.matcher(request.uri());
            String id = match.matches() ? match.group(1) : "";
            String data = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
            return Mono.just(ReadResourceResult.builder(List.of(
                    TextResourceContents.builder(request.uri(), data).mimeType("application/json").build())).build());
        });
    }

    private static List<AsyncPromptSpecification> prompts() {
        return List.of(
                prompt("test_simple_prompt", "A prompt without arguments", List.of(),
                        args -> List.of(text("This is a simple prompt for testing."))),
                prompt("test_prompt_with_arguments", "A prompt with two arguments",
                        List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")),
                        args -> List.of(text("Prompt with arguments: arg1='" + args.get("arg1")
                                + "', arg2='" + args.get("arg2") + "'"))),
                prompt("test_prompt_with_embedded_resource", "A prompt embedding a resource",
                        List.of(argument("resourceUri", "URI of the resource to embed")),
                        args -> List.of(
                                ConformanceTools.embedded(String.valueOf(args.get("resourceUri")), "text/plain",
                                        "Embedded resource content for testing."),
                                text("Please process the embedded resource above."))),
                prompt("test_prompt_with_image", "A prompt with an image", List.of(),
                        args -> List.of(ImageContent.builder(ConformanceTools.PNG, "image/png").build(),
                                text("Please analyze the image above."))));
    }

    private static AsyncResourceSpecification resource(String uri, String name, String mimeType,
            ResourceContents contents) {
        var resource = Resource.builder(uri, name).description(name + " for the conformance suite")
                .mimeType(mimeType).build();
        return new AsyncResourceSpecification(resource,
                (exchange, request) -> Mono.just(ReadResourceResult.builder(List.of(contents)).build()));
    }

    private static PromptArgument argument(String name, String description) {
        return PromptArgument.builder(name).description(description).required(true).build();
    }

    private static AsyncPromptSpecification prompt(String name, String description, List<PromptArgument> arguments,
            Function<Map<String, Object>, List<Content>> messages) {
        var prompt = Prompt.builder(name).description(description).arguments(arguments).build();
        return new AsyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            return Mono.just(GetPromptResult.builder(messages.apply(args).stream()
                    .map(content -> PromptMessage.builder(Role.USER, content).build())
                    .toList()).build());
        });
    }

    private static TextContent text(String text) {
        return TextContent.builder(text).build();
    }

    private static CallToolResult ok(Content content) {
        return CallToolResult.builder().content(List.of(content)).isError(false).build();
    }
}
