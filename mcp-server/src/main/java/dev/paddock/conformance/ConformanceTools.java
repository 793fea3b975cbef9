package dev.paddock.conformance;

import dev.paddock.transport.http.StreamControl;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.Map;

/**
 * What the official conformance suite's tools do, one method per tool, each returning the content the
 * suite checks for. Kept free of registration code so the tools can later move behind a TypeScript-declared
 * Paddock capability unchanged.
 */
final class ConformanceTools {
    /** A 1×1 PNG and an empty 8 kHz WAV: the smallest valid images and sounds. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQAAAAA=";

    private ConformanceTools() {}

    static CallToolResult simpleText() {
        return ok(text("This is a simple text response for testing."));
    }

    static CallToolResult image() {
        return ok(ImageContent.builder(PNG, "image/png").build());
    }

    static CallToolResult audio() {
        return ok(AudioContent.builder(WAV, "audio/wav").build());
    }

    static CallToolResult embeddedResource() {
        return ok(embedded("test://embedded-resource", "text/plain", "This is an embedded resource content."));
    }

    static CallToolResult mixedContent() {
        return ok(text("Multiple content types test:"), ImageContent.builder(PNG, "image/png").build(),
                embedded("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"));
    }

    static CallToolResult error() {
        return CallToolResult.builder()
                .content(List.of(text("This tool intentionally returns an error for testing")))
                .isError(true)
                .build();
    }

    static CallToolResult withLogging(McpSyncServerExchange exchange) {
        log(exchange, "Tool execution started");
        pause(50);
        log(exchange, "Tool processing data");
        pause(50);
        log(exchange, "Tool execution completed");
        return ok(text("Tool finished after logging three messages"));
    }

    static CallToolResult withProgress(McpSyncServerExchange exchange, Object progressToken) {
        for (int step = 0; step <= 100; step += 50) {
            if (progressToken != null) {
                exchange.progressNotification(ProgressNotification.builder(progressToken, step).total(100.0).build());
            }
            if (step < 100) pause(50);
        }
        return ok(text("Tool finished after reporting progress"));
    }

    static CallToolResult sampling(McpSyncServerExchange exchange, String prompt) {
        var request = CreateMessageRequest.builder(
                List.of(SamplingMessage.builder(Role.USER, text(prompt)).build()), 100).build();
        var answer = exchange.createMessage(request);
        String said = answer.content() instanceof TextContent t ? t.text() : String.valueOf(answer.content());
        return ok(text("LLM response: " + said));
    }

    static CallToolResult elicitation(McpSyncServerExchange exchange, String message) {
        var schema = Map.of("type", "object",
                "properties", Map.of(
                        "username", Map.of("type", "string", "description", "User's response"),
                        "email", Map.of("type", "string", "description", "User's email address")),
                "required", List.of("username", "email"));
        return elicit(exchange, message, schema);
    }

    /** SEP-1034: every primitive type carries a default the client can pre-fill. */
    static CallToolResult elicitationDefaults(McpSyncServerExchange exchange) {
        var schema = Map.of("type", "object", "properties", Map.of(
                "name", Map.of("type", "string", "description", "User name", "default", "John Doe"),
                "age", Map.of("type", "integer", "description", "User age", "default", 30),
                "score", Map.of("type", "number", "description", "User score", "default", 95.5),
                "status", Map.of("type", "string", "description", "User status",
                        "enum", List.of("active", "inactive", "pending"), "default", "active"),
                "verified", Map.of("type", "boolean", "description", "Verification status", "default", true)));
        return elicit(exchange, "Please review your details (defaults filled in)", schema);
    }

    /** SEP-1330: the five shapes of enumerations, titled and untitled, single and multiple choice. */
    static CallToolResult elicitationEnums(McpSyncServerExchange exchange) {
        var schema = Map.of("type", "object", "properties", Map.of(
                "untitledSingle", Map.of("type", "string", "enum", List.of("option1", "option2", "option3")),
                "titledSingle", Map.of("type", "string", "oneOf", List.of(
                        option("value1", "First Option"), option("value2", "Second Option"),
                        option("value3", "Third Option"))),
                "legacyEnum", Map.of("type", "string", "enum", List.of("opt1", "opt2", "opt3"),
                        "enumNames", List.of("Option One", "Option Two", "Option Three")),
                "untitledMulti", Map.of("type", "array",
                        "items", Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))),
                "titledMulti", Map.of("type", "array", "items", Map.of("anyOf", List.of(
                        option("value1", "First Choice"), option("value2", "Second Choice"),
                        option("value3", "Third Choice"))))));
        return elicit(exchange, "Pick your options", schema);
    }

    /**
     * SEP-1699 polling: lets go of the SSE connection mid-call, then answers; the client gets the answer by
     * reconnecting with {@code Last-Event-ID}.
     */
    static CallToolResult reconnection(McpSyncServerExchange exchange) {
        var stream = StreamControl.of(exchange.transportContext());
        if (stream != null) stream.closeConnection();
        pause(100);
        return ok(text("Reconnection test completed successfully"));
    }

    static CallToolResult jsonSchema2020() {
        return ok(text("ok"));
    }

    private static CallToolResult elicit(McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        var answer = exchange.createElicitation(ElicitRequest.builder(message, schema).build());
        return ok(text("Elicitation completed: action=" + answer.action() + ", content=" + answer.content()));
    }

    private static Map<String, String> option(String value, String title) {
        return Map.of("const", value, "title", title);
    }

    private static void log(McpSyncServerExchange exchange, String message) {
        exchange.loggingNotification(LoggingMessageNotification.builder(LoggingLevel.INFO, message).build());
    }

    static TextContent text(String text) {
        return TextContent.builder(text).build();
    }

    static EmbeddedResource embedded(String uri, String mimeType, String text) {
        return EmbeddedResource.builder(TextResourceContents.builder(uri, text).mimeType(mimeType).build()).build();
    }

    private static CallToolResult ok(Content... content) {
        return CallToolResult.builder().content(List.of(content)).isError(false).build();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
