package dev.paddock.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import org.junit.jupiter.api.Test;

class InputErrorsTest {
    private static JSONRPCResponse error(String message) {
        return JSONRPCResponse.error(2, new JSONRPCError(-32603, message, null));
    }

    @Test
    void theSdksExceptionTextInAnErrorBecomesAPlainMessage() {
        for (String sdkText : new String[] {
                "tools.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type `java.lang.String`",
                "Cannot invoke \"io.modelcontextprotocol.spec.McpSchema$CallToolRequest.name()\" because \"callToolRequest\" is null"}) {
            var plain = (JSONRPCResponse) InputErrors.withoutJavaNames(error(sdkText));

            assertThat(plain.id()).isEqualTo(2);
            assertThat(plain.error().code()).isEqualTo(-32603);
            assertThat(plain.error().message()).startsWith("the server could not handle this request: check its params");
        }
    }

    @Test
    void errorsWrittenForClientsAndResultsPassUnchanged() {
        var written = error("Unknown tool: invalid_tool_name");
        var result = JSONRPCResponse.result(3, java.util.Map.of("note", "java.lang.String in a result is data"));

        assertThat(InputErrors.withoutJavaNames(written)).isSameAs(written);
        assertThat(InputErrors.withoutJavaNames(result)).isSameAs(result);
    }
}
