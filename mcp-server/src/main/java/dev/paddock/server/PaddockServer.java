package dev.paddock.server;

import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.StandardLibrary;
import dev.paddock.transport.StdioTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** Paddock's MCP server: server info, instructions and the `execute` tool, over a transport. */
public final class PaddockServer implements AutoCloseable {
    public static final String NAME = "paddock";

    static final String INSTRUCTIONS = "Paddock runs code for you: instead of chaining many small tool calls, "
            + "write one JavaScript or TypeScript program and send it to the `execute` tool, which runs it in a "
            + "sandboxed isolate that keeps this session's globals between calls. Do the loops, filtering and "
            + "data shaping inside that code and return only the JSON you need.";

    private static final String VERSION = readVersion();

    private final McpAsyncServer server;
    private final SessionIsolates isolates;
    private final CompletableFuture<Void> closed;

    private PaddockServer(McpAsyncServer server, SessionIsolates isolates, CompletableFuture<Void> closed) {
        this.server = server;
        this.isolates = isolates;
        this.closed = closed;
    }

    /**
     * Serves one MCP session over the given streams until the input ends; see {@link #closed()}.
     *
     * @param newIsolate makes the session's isolate on its first `execute`, usually {@code sandbox::newIsolate};
     *                   a supplier so the server can answer `initialize` while the sandbox is still starting
     */
    public static PaddockServer overStdio(InputStream in, OutputStream out, Supplier<Isolate> newIsolate, Limits limits) {
        var mapper = new JacksonMcpJsonMapper(JsonMapper.shared());
        var isolates = new SessionIsolates(newIsolate);
        var transport = new StdioTransport(in, out, mapper, isolates::sessionClosed);
        return new PaddockServer(build(transport, mapper, isolates, limits), isolates, transport.closed());
    }

    private static McpAsyncServer build(
            McpServerTransportProvider transport, JacksonMcpJsonMapper mapper, SessionIsolates isolates, Limits limits) {
        var execute = new ExecuteTool(isolates, new ExecutionFormatter(mapper.getJsonMapper()));
        return McpServer.async(transport)
                .jsonMapper(mapper)
                .serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(execute.specification(mapper, limits,
                        StandardLibrary.DECLARATIONS, ExecuteToolDescription.NO_CAPABILITIES))
                .build();
    }

    /** Completes when the client has gone (stdin ended) and its session is closed. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Paddock's version, from the build. */
    public static String version() {
        return VERSION;
    }

    @Override
    public void close() {
        server.close();
        isolates.close();
    }

    private static String readVersion() {
        try (var in = PaddockServer.class.getResourceAsStream("/dev/paddock/version.properties")) {
            var properties = new Properties();
            if (in != null) properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
