package dev.paddock.transport.http;

import dev.paddock.transport.McpJson;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The answer to one request for a client that accepts only {@code application/json}: the response becomes
 * the HTTP body. Notifications and server requests sent meanwhile have no place in a JSON body, so they go
 * to the session's listening stream (the spec allows unrelated messages there).
 */
final class JsonResponse implements McpStreamableServerTransport {
    private final Consumer<McpSchema.JSONRPCMessage> elsewhere;
    private final Sinks.One<String> body = Sinks.one();

    JsonResponse(Consumer<McpSchema.JSONRPCMessage> elsewhere) {
        this.elsewhere = elsewhere;
    }

    Mono<String> body() {
        return body.asMono();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            if (message instanceof McpSchema.JSONRPCResponse) {
                try {
                    body.tryEmitValue(McpJson.MAPPER.writeValueAsString(message));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                elsewhere.accept(message);
            }
        });
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return sendMessage(message);
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return McpJson.MAPPER.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        body.tryEmitEmpty();
    }
}
