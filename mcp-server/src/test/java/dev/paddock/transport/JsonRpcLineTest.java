package dev.paddock.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonRpcLineTest {
    private final JsonRpcLine line = new JsonRpcLine();

    private JsonRpcLine.ErrorReply rejected(String text) {
        return ((JsonRpcLine.Rejected) line.decode(text)).reply();
    }

    @Test
    void requestsNotificationsAndResponsesDecodeToTheSdksMessages() {
        var request = ((JsonRpcLine.Message) line.decode("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}")).message();
        var notification = ((JsonRpcLine.Message) line.decode("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{}}")).message();
        var response = ((JsonRpcLine.Message) line.decode("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")).message();

        assertThat(request).isInstanceOfSatisfying(McpSchema.JSONRPCRequest.class, r -> assertThat(r.id()).isEqualTo("a"));
        assertThat(notification).isInstanceOf(McpSchema.JSONRPCNotification.class);
        assertThat(response).isInstanceOf(McpSchema.JSONRPCResponse.class);
    }

    @Test
    void brokenJsonIsAParseErrorWithANullId() {
        var reply = rejected("{\"jsonrpc\":");

        assertThat(reply.id()).isNull();
        assertThat(reply.error().code()).isEqualTo(-32700);
        assertThat(JsonMapper.shared().writeValueAsString(reply)).contains("\"id\":null");
    }

    @Test
    void parseErrorsSayWhatIsWrongWithoutNamingJacksonsCode() {
        var deep = rejected("{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        var truncated = rejected("{\"jsonrpc\":\"2.0\",\"id\":");

        assertThat(deep.error().data()).asString().contains("nesting depth", "exceeds the maximum allowed (")
                .doesNotContain("`", "StreamReadConstraints");
        assertThat(truncated.error().data()).asString().contains("end-of-input").doesNotContain("`", "Source", "Feature");
    }

    @Test
    void wrongShapesAreInvalidRequestsKeepingTheIdWhenItIsUsable() {
        assertThat(rejected("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":5}").id()).isEqualTo(4);
        assertThat(rejected("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"m\",\"params\":\"p\"}").error().code()).isEqualTo(-32600);
        assertThat(rejected("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}").id()).isNull();
        assertThat(rejected("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"m\"}").error().code()).isEqualTo(-32600);
        assertThat(rejected("\"just a string\"").error().code()).isEqualTo(-32600);
    }

    @Test
    void cancellationFindsItsRequestWhetherTheIdCameAsIntegerOrLong() {
        var inFlight = new InFlightRequests();
        Cancellation cancellation = inFlight.started(7);

        inFlight.cancel(7L);

        assertThat(cancellation.isCancelled()).isTrue();
        assertThat(inFlight.finished(7)).as("a cancelled request gets no response").isFalse();
        assertThat(inFlight.started("7").isCancelled()).as("string ids are distinct from numbers").isFalse();
    }

    @Test
    void anOverlongLineIsSkippedAndReadingGoesOn() throws Exception {
        var reader = new LineReader(new StringReader("x".repeat(50) + "\r\nshort\r\nlast"), 10);

        assertThat(reader.next()).isSameAs(LineReader.TOO_LONG);
        assertThat(reader.next()).isEqualTo("short");
        assertThat(reader.next()).isEqualTo("last");
        assertThat(reader.next()).isNull();
    }
}
