package dev.paddock.server;

import dev.paddock.transport.McpJson;
import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.StandardLibrary;
import dev.paddock.transport.StdioTransport;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Paddock's MCP server: server info, instructions and the `execute` tool, over a transport. */
public final class PaddockServer implements AutoCloseable {
    public static final String NAME = "paddock";

    static String instructions(boolean stateless) {
        return "Paddock runs code for you: instead of chaining many small tool calls, "
                + "write one JavaScript or TypeScript program and send it to the `execute` tool, which runs it in a "
                + (stateless ? "fresh sandboxed isolate each time (nothing carries over between calls). "
                        : "sandboxed isolate that keeps this session's globals between calls. ")
                + "Do the loops, filtering and data shaping inside that code and return only the JSON you need.";
    }

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
     * Serving starts through {@link PaddockRuntime}, which also installs the sandbox's eviction hook.
     *
     * @param newIsolate makes the session's isolate on its first `execute`, usually {@code sandbox::newIsolate};
     *                   a supplier so the server can answer `initialize` while the sandbox is still starting
     * @param extras     what the server offers besides `execute` and its capabilities
     */
    static PaddockServer overStdio(InputStream in, OutputStream out, Function<HostApi, Isolate> newIsolate,
            ProfileGrants grants, ExtraFeatures extras) {
        var isolates = new SessionIsolates(newIsolate, grants::newSession);
        var transport = new StdioTransport(in, out, isolates::sessionClosed);
        return new PaddockServer(build(transport, isolates, grants, ServingOptions.stdio(), extras), isolates,
                transport.closed());
    }

    /** One MCP server instance over any transport: one profile's tools, resources and grants, plus the extras. */
    static McpAsyncServer build(McpServerTransportProviderBase transport, SessionIsolates isolates, ProfileGrants grants,
            ServingOptions options, ExtraFeatures extras) {
        Limits limits = grants.profile().limits();
        var execute = new ExecuteTool(isolates, new ExecutionFormatter(), options);
        List<AsyncToolSpecification> tools = new ArrayList<>();
        tools.add(execute.specification(limits, StandardLibrary.DECLARATIONS, grants));
        List<AsyncToolSpecification> directTools = CapabilityFeatures.directTools(grants, isolates, limits);
        tools.addAll(directTools);
        tools.addAll(extras.tools());
        List<AsyncResourceSpecification> resources = new ArrayList<>(CapabilityFeatures.typeResources(grants));
        resources.addAll(extras.resources());
        // An upstream server's tools may change while serving: then clients are told (tools/list_changed).
        boolean typesMayChange = grants.hasUpstreams();
        var capabilities = ServerCapabilities.builder().tools(typesMayChange);
        if (!resources.isEmpty() || !extras.resourceTemplates().isEmpty() || typesMayChange) {
            capabilities.resources(extras.subscribableResources(), typesMayChange);
        }
        if (!extras.prompts().isEmpty()) capabilities.prompts(false);
        if (!extras.completions().isEmpty()) capabilities.completions();
        var spec = switch (transport) {
            case McpServerTransportProvider single -> McpServer.async(single);
            case McpStreamableServerTransportProvider streamable -> McpServer.async(streamable);
            default -> throw new IllegalArgumentException("unsupported transport " + transport);
        };
        McpAsyncServer server = spec
                .jsonMapper(McpJson.MAPPER)
                .serverInfo(NAME, VERSION)
                .instructions(instructions(options.stateless()))
                .capabilities(capabilities.build())
                .tools(tools)
                .resources(resources)
                .resourceTemplates(extras.resourceTemplates())
                .prompts(extras.prompts())
                .completions(extras.completions())
                .build();
        if (typesMayChange) grants.onTypesChanged(new TypesRefresh(server, execute, grants, isolates, limits, directTools));
        return server;
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
