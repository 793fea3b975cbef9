package dev.paddock.conformance;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
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
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * An MCP server with exactly what the official conformance suite (npm {@code @modelcontextprotocol/conformance}
 * 0.1.16) calls: its tools ({@link ConformanceTools}), resources, a resource template, prompts and a
 * completion. Test fixture only; never part of a normal Paddock server.
 */
public final class ConformanceFixture {
    private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());
    private static final Pattern TEMPLATE_ID = Pattern.compile("test://template/([^/]+)/data");

    private ConformanceFixture() {}

    public static McpSyncServer serve(McpStreamableServerTransportProvider transport, McpJsonMapper json) {
        return McpServer.sync(transport)
                .jsonMapper(json)
                .serverInfo("paddock-conformance-fixture", "1.0.0")
                .capabilities(ServerCapabilities.builder()
                        .tools(false).resources(true, false).prompts(false).logging().completions().build())
                .requestTimeout(Duration.ofSeconds(30))
                .tools(tools())
                .resources(resources())
                .resourceTemplates(List.of(template()))
                .prompts(prompts())
                .completions(List.of(new SyncCompletionSpecification(
                        new PromptReference("test_prompt_with_arguments"),
                        (exchange, request) -> new CompleteResult(new CompleteResult.CompleteCompletion(
                                List.of("paris", "park", "party"), 3, false)))))
                .build();
    }

    static List<SyncToolSpecification> tools() {
        var tools = new ArrayList<SyncToolSpecification>();
        tools.add(tool("test_simple_text", "Returns a simple text result", (x, r) -> ConformanceTools.simpleText()));
        tools.add(tool("test_image_content", "Returns a PNG image", (x, r) -> ConformanceTools.image()));
        tools.add(tool("test_audio_content", "Returns a WAV sound", (x, r) -> ConformanceTools.audio()));
        tools.add(tool("test_embedded_resource", "Returns an embedded text resource",
                (x, r) -> ConformanceTools.embeddedResource()));
        tools.add(tool("test_multiple_content_types", "Returns text, an image and a resource together",
                (x, r) -> ConformanceTools.mixedContent()));
        tools.add(tool("test_error_handling", "Always fails with isError", (x, r) -> ConformanceTools.error()));
        tools.add(tool("test_tool_with_logging", "Logs three messages while it runs",
                (x, r) -> ConformanceTools.withLogging(x)));
        tools.add(tool("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100",
                (x, r) -> ConformanceTools.withProgress(x, r.meta() == null ? null : r.meta().get("progressToken"))));
        tools.add(tool("test_sampling", "Asks the client's model to answer a prompt",
                stringArgument("prompt", "The prompt to send to the LLM"),
                (x, r) -> ConformanceTools.sampling(x, String.valueOf(r.arguments().get("prompt")))));
        tools.add(tool("test_elicitation", "Asks the user for a username and an email address",
                stringArgument("message", "The message to show the user"),
                (x, r) -> ConformanceTools.elicitation(x, String.valueOf(r.arguments().get("message")))));
        tools.add(tool("test_elicitation_sep1034_defaults", "Elicits values that all have defaults",
                (x, r) -> ConformanceTools.elicitationDefaults(x)));
        tools.add(tool("test_elicitation_sep1330_enums", "Elicits every kind of enumeration",
                (x, r) -> ConformanceTools.elicitationEnums(x)));
        tools.add(tool("test_reconnection", "Drops the SSE connection mid-call, then answers",
                (x, r) -> ConformanceTools.reconnection(x)));
        tools.add(tool("json_schema_2020_12_tool", "Has an input schema using JSON Schema 2020-12 features",
                Map.of("$schema", "https://json-schema.org/draft/2020-12/schema",
                        "type", "object",
                        "$defs", Map.of("address", Map.of("type", "object", "properties", Map.of(
                                "street", Map.of("type", "string"), "city", Map.of("type", "string")))),
                        "properties", Map.of("name", Map.of("type", "string"),
                                "address", Map.of("$ref", "#/$defs/address")),
                        "additionalProperties", false),
                (x, r) -> ConformanceTools.jsonSchema2020()));
        return tools;
    }

    static List<SyncResourceSpecification> resources() {
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

    static SyncResourceTemplateSpecification template() {
        var template = ResourceTemplate.builder("test://template/{id}/data", "Data by id")
                .description("JSON data for the id in the URI").mimeType("application/json").build();
        return new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            var match = TEMPLATE_ID.matcher(request.uri());
            String id = match.matches() ? match.group(1) : "";
            String data = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
            return ReadResourceResult.builder(List.of(
                    TextResourceContents.builder(request.uri(), data).mimeType("application/json").build())).build();
        });
    }

    static List<SyncPromptSpecification> prompts() {
        return List.of(
                prompt("test_simple_prompt", "A prompt without arguments", List.of(),
                        args -> List.of(ConformanceTools.text("This is a simple prompt for testing."))),
                prompt("test_prompt_with_arguments", "A prompt with two arguments",
                        List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")),
                        args -> List.of(ConformanceTools.text("Prompt with arguments: arg1='" + args.get("arg1")
                                + "', arg2='" + args.get("arg2") + "'"))),
                prompt("test_prompt_with_embedded_resource", "A prompt embedding a resource",
                        List.of(argument("resourceUri", "URI of the resource to embed")),
                        args -> List.of(
                                ConformanceTools.embedded(String.valueOf(args.get("resourceUri")), "text/plain",
                                        "Embedded resource content for testing."),
                                ConformanceTools.text("Please process the embedded resource above."))),
                prompt("test_prompt_with_image", "A prompt with an image", List.of(),
                        args -> List.of(ImageContent.builder(ConformanceTools.PNG, "image/png").build(),
                                ConformanceTools.text("Please analyze the image above."))));
    }

    private static SyncToolSpecification tool(String name, String description,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return tool(name, description, NO_ARGUMENTS, handler);
    }

    private static SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder(name, inputSchema).description(description).build())
                .callHandler(handler)
                .build();
    }

    private static Map<String, Object> stringArgument(String name, String description) {
        return Map.of("type", "object",
                "properties", Map.of(name, Map.of("type", "string", "description", description)),
                "required", List.of(name));
    }

    private static SyncResourceSpecification resource(String uri, String name, String mimeType,
            ResourceContents contents) {
        var resource = Resource.builder(uri, name).description(name + " for the conformance suite")
                .mimeType(mimeType).build();
        return new SyncResourceSpecification(resource,
                (exchange, request) -> ReadResourceResult.builder(List.of(contents)).build());
    }

    private static PromptArgument argument(String name, String description) {
        return PromptArgument.builder(name).description(description).required(true).build();
    }

    private static SyncPromptSpecification prompt(String name, String description, List<PromptArgument> arguments,
            java.util.function.Function<Map<String, Object>, List<Content>> messages) {
        var prompt = Prompt.builder(name).description(description).arguments(arguments).build();
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            return GetPromptResult.builder(messages.apply(args).stream()
                    .map(content -> PromptMessage.builder(Role.USER, content).build())
                    .toList()).build();
        });
    }
}
