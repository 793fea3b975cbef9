package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.sandbox.ExecutionError;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.LogEntry;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExecutionFormatterTest {
    private final JsonMapper json = JsonMapper.shared();
    private final ExecutionFormatter formatter = new ExecutionFormatter();

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }

    @Test
    void successCarriesResultAndLogsAsStructuredContentAndTheSameJsonAsText() {
        var outcome = new ExecutionResult.Succeeded(json.readTree("{\"answer\":42}"),
                List.of(new LogEntry("log", "thinking")), false, Duration.ofMillis(3));

        CallToolResult result = formatter.toToolResult(outcome);

        assertThat(result.isError()).isFalse();
        JsonNode structured = json.valueToTree(result.structuredContent());
        assertThat(structured.toString()).isEqualTo("{\"result\":{\"answer\":42},\"logs\":[{\"level\":\"log\",\"message\":\"thinking\"}]}");
        assertThat(json.readTree(text(result))).isEqualTo(structured);
    }

    @Test
    void undefinedComesBackAsAnExplicitNull() {
        var outcome = new ExecutionResult.Succeeded(json.nullNode(), List.of(), false, Duration.ZERO);

        assertThat(text(formatter.toToolResult(outcome))).isEqualTo("{\"result\":null,\"logs\":[]}");
    }

    @Test
    void anErrorShowsNameMessagePlaceSourceLineWithCaretAndTheLogsBeforeIt() {
        var error = new ExecutionError("runtime", "TypeError", "Cannot read properties of undefined (reading 'first')",
                2, 18, "return user.name.first;", false);
        var outcome = new ExecutionResult.Failed(error, List.of(new LogEntry("log", "loading user")), false, Duration.ZERO);

        CallToolResult result = formatter.toToolResult(outcome);

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("""
                TypeError: Cannot read properties of undefined (reading 'first')
                at line 2, column 18:
                  2 | return user.name.first;
                    |                  ^
                Logs before the error:
                [log] loading user""");
        JsonNode structured = json.valueToTree(result.structuredContent());
        assertThat(structured.at("/error/name").asString()).isEqualTo("TypeError");
        assertThat(structured.at("/error/line").asInt()).isEqualTo(2);
        assertThat(structured.has("result")).isFalse();
        assertThat(structured.at("/logs/0/message").asString()).isEqualTo("loading user");
    }

    @Test
    void theCaretKeepsTabsSoItLinesUp() {
        var error = new ExecutionError("syntax", "SyntaxError", "Unexpected token", 1, 3, "\t\t)", false);

        assertThat(formatter.errorText(error)).endsWith("  1 | \t\t)\n    | \t\t^");
    }

    @Test
    void anErrorWithoutAPlaceIsJustNameAndMessageAndSaysWhenGlobalsWereLost() {
        var error = new ExecutionError("memory", "MemoryLimit", "execution used too much memory", null, null, null, true);

        assertThat(formatter.errorText(error)).isEqualTo("""
                MemoryLimit: execution used too much memory
                The isolate had to be reset: values stored on globalThis by earlier calls are gone.""");
    }
}
