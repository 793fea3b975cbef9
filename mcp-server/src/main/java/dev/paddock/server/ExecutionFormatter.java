package dev.paddock.server;

import dev.paddock.sandbox.ExecutionError;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.LogEntry;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that turns an {@link ExecutionResult} into what a reader sees: the MCP tool result, and
 * the error text also printed by `paddock exec`.
 *
 * <p>Error text, for a model that has to fix its code:
 * <pre>
 * TypeError: Cannot read properties of undefined (reading 'name')
 * at line 2, column 13:
 *   2 | return user.name.first;
 *     |             ^
 * Logs before the error:
 * [log] loading user
 * </pre>
 */
public final class ExecutionFormatter {
    private static final JsonMapper JSON = JsonMapper.shared();
    private final ContentItems contentItems;

    public ExecutionFormatter() {
        this.contentItems = new ContentItems();
    }

    /**
     * Success: `structuredContent` {result, logs} and the same JSON as text. Failure: `isError` with the
     * error text, and `structuredContent` {error, logs}, which the outputSchema also admits (clients
     * validate structured content against it even on errors). MCP content that capabilities returned
     * (images, audio, resources) anywhere in the result becomes content items after the text
     * ({@link ContentItems#liftInPlace}).
     */
    CallToolResult toToolResult(ExecutionResult outcome) {
        ObjectNode structured = structured(outcome);
        if (outcome instanceof ExecutionResult.Failed failed) {
            return CallToolResult.builder()
                    .structuredContent(structured)
                    .addTextContent(errorText(failed.error()) + logsText(outcome.logs()))
                    .isError(true)
                    .build();
        }
        // content[0] is the text; lifted items follow it
        List<McpSchema.Content> rich = contentItems.liftInPlace(structured, 1);
        var builder = CallToolResult.builder()
                .structuredContent(structured)
                .addTextContent(JSON.writeValueAsString(structured))
                .isError(false);
        rich.forEach(builder::addContent);
        return builder.build();
    }

    /** The value as pretty JSON, for `paddock exec`. */
    public String resultJson(ExecutionResult.Succeeded outcome) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outcome.value());
    }

    /** Name, message, where, and the offending line with a caret under the column. */
    public String errorText(ExecutionError error) {
        var text = new StringBuilder(error.name()).append(": ").append(error.message());
        if (error.line() != null) {
            text.append("\nat line ").append(error.line());
            if (error.column() != null) text.append(", column ").append(error.column());
            if (error.sourceLine() != null) {
                String gutter = "  " + error.line() + " | ";
                text.append(":\n").append(gutter).append(error.sourceLine());
                if (error.column() != null) {
                    text.append('\n').append(" ".repeat(gutter.length() - 2)).append("| ")
                            .append(caretIndent(error.sourceLine(), error.column())).append('^');
                }
            }
        }
        if (error.isolateReset()) {
            text.append("\nThe isolate had to be reset: values stored on globalThis by earlier calls are gone.");
        }
        return text.toString();
    }

    /** One `[level] message` line per entry, as `paddock exec` prints logs to stderr. */
    public static String logLine(LogEntry entry) {
        return "[" + entry.level() + "] " + entry.message();
    }

    private static String logsText(List<LogEntry> logs) {
        if (logs.isEmpty()) return "";
        var text = new StringBuilder("\nLogs before the error:");
        logs.forEach(entry -> text.append('\n').append(logLine(entry)));
        return text.toString();
    }

    /** Keeps tabs so the caret lines up under the column however the reader renders tabs. */
    private static String caretIndent(String sourceLine, int column) {
        var indent = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            indent.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return indent.toString();
    }

    private ObjectNode structured(ExecutionResult outcome) {
        ObjectNode node = JSON.createObjectNode();
        switch (outcome) {
            case ExecutionResult.Succeeded ok -> node.set("result", ok.value());
            case ExecutionResult.Failed failed -> {
                ExecutionError e = failed.error();
                ObjectNode error = node.putObject("error");
                error.put("kind", e.kind()).put("name", e.name()).put("message", e.message());
                if (e.line() != null) error.put("line", e.line());
                if (e.column() != null) error.put("column", e.column());
                if (e.sourceLine() != null) error.put("sourceLine", e.sourceLine());
                error.put("isolateReset", e.isolateReset());
            }
        }
        var logs = node.putArray("logs");
        outcome.logs().forEach(entry -> logs.addObject().put("level", entry.level()).put("message", entry.message()));
        if (outcome.truncated()) node.put("truncated", true);
        return node;
    }
}
