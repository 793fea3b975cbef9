package dev.paddock.conformance;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code test} capability: what the official conformance suite's tools do, declared in
 * {@code dev/paddock/conformance/test.d.ts} and exposed as the direct tools {@code test_simple_text}, … .
 * Each public method is one declared method (hence the suite's snake_case names). Content comes back as the
 * SDK's content records, which Paddock carries as {@link dev.paddock.capability.RichContent}; logs, progress,
 * sampling and elicitation go through the {@link CallContext} like any capability's.
 */
public final class ConformanceTools {
    public static final String NAMESPACE = "test";
    public static final String DECLARATIONS = load("test.d.ts");

    /** A 1×1 PNG and an empty 8 kHz WAV: the smallest valid image and sound. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQAAAAA=";

    /** The suite checks that the schema keeps every field, default and enumeration shape as sent. */
    private static final String USER_SCHEMA = """
            {"type": "object", "required": ["username", "email"], "properties": {
              "username": {"type": "string", "description": "User's response"},
              "email": {"type": "string", "description": "User's email address"}}}""";
    private static final String DEFAULTS_SCHEMA = """
            {"type": "object", "properties": {
              "name": {"type": "string", "description": "User name", "default": "John Doe"},
              "age": {"type": "integer", "description": "User age", "default": 30},
              "score": {"type": "number", "description": "User score", "default": 95.5},
              "status": {"type": "string", "description": "User status", "enum": ["active", "inactive", "pending"],
                         "default": "active"},
              "verified": {"type": "boolean", "description": "Verification status", "default": true}}}""";
    private static final String ENUMS_SCHEMA = """
            {"type": "object", "properties": {
              "untitledSingle": {"type": "string", "enum": ["option1", "option2", "option3"]},
              "titledSingle": {"type": "string", "oneOf": [{"const": "value1", "title": "First Option"},
                  {"const": "value2", "title": "Second Option"}, {"const": "value3", "title": "Third Option"}]},
              "legacyEnum": {"type": "string", "enum": ["opt1", "opt2", "opt3"],
                             "enumNames": ["Option One", "Option Two", "Option Three"]},
              "untitledMulti": {"type": "array", "items": {"type": "string", "enum": ["option1", "option2", "option3"]}},
              "titledMulti": {"type": "array", "items": {"anyOf": [{"const": "value1", "title": "First Choice"},
                  {"const": "value2", "title": "Second Choice"}, {"const": "value3", "title": "Third Choice"}]}}}}""";

    private final JsonMapper json;

    public ConformanceTools(JsonMapper json) {
        this.json = json;
    }

    public String simple_text() {
        return "This is a simple text response for testing.";
    }

    public ImageContent image_content() {
        return ImageContent.builder(PNG, "image/png").build();
    }

    public AudioContent audio_content() {
        return AudioContent.builder(WAV, "audio/wav").build();
    }

    public EmbeddedResource embedded_resource() {
        return embedded("test://embedded-resource", "text/plain", "This is an embedded resource content.");
    }

    public List<Content> multiple_content_types() {
        return List.of(TextContent.builder("Multiple content types test:").build(), image_content(),
                embedded("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"));
    }

    /** The pauses let the suite see the messages arrive while the tool is still running. */
    public String tool_with_logging(CallContext context) {
        context.log("info", "Tool execution started");
        pause(50);
        context.log("info", "Tool processing data");
        pause(50);
        context.log("info", "Tool execution completed");
        return "Tool finished after logging three messages";
    }

    public String tool_with_progress(CallContext context) {
        for (int step = 0; step <= 100; step += 50) {
            context.progress(step, 100.0, null);
            if (step < 100) pause(50);
        }
        return "Tool finished after reporting progress";
    }

    public String error_handling() {
        throw new CapabilityException("EFIXTURE", "This tool intentionally returns an error for testing");
    }

    public CompletableFuture<String> sampling(String prompt, CallContext context) {
        ObjectNode request = json.createObjectNode();
        request.putArray("messages").addObject().put("role", "user")
                .putObject("content").put("type", "text").put("text", prompt);
        request.put("maxTokens", 100);
        return context.sample(request).thenApply(answer -> "LLM response: " + answer.at("/content/text").asString(""));
    }

    public CompletableFuture<String> elicitation(String message, CallContext context) {
        return context.elicit(message, json.readTree(USER_SCHEMA)).thenApply(answer -> "User response: " + summary(answer));
    }

    public CompletableFuture<String> elicitation_sep1034_defaults(CallContext context) {
        return context.elicit("Please review your details (defaults filled in)", json.readTree(DEFAULTS_SCHEMA))
                .thenApply(answer -> "Elicitation completed: " + summary(answer));
    }

    public CompletableFuture<String> elicitation_sep1330_enums(CallContext context) {
        return context.elicit("Pick your options", json.readTree(ENUMS_SCHEMA))
                .thenApply(answer -> "Elicitation completed: " + summary(answer));
    }

    private static String summary(JsonNode answer) {
        return "action=" + answer.path("action").asString("") + ", content=" + answer.path("content");
    }

    static EmbeddedResource embedded(String uri, String mimeType, String text) {
        return EmbeddedResource.builder(TextResourceContents.builder(uri, text).mimeType(mimeType).build()).build();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String load(String name) {
        try (InputStream in = ConformanceTools.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
