package dev.paddock.upstream;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real MCP server on the SDK (stdio), started as a child process by the upstream tests. Its tools
 * cover each result shape Paddock maps; {@code grow} adds a tool, which sends
 * {@code notifications/tools/list_changed}. With {@code --never-initialize} it reads its stdin and never answers;
 * with {@code --never-initialize-until FILE} it does so only while FILE does not exist (a server that comes back);
 * with {@code --exit-at-once} it ends with status 1 before reading anything.
 */
public final class FixtureUpstream {
    private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.shared());

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err); // logging on stdout would corrupt the MCP stream
        // The SDK's stdio server does not exit when its client goes: end with stdin.
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n < 0) Runtime.getRuntime().halt(0);
                return n;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) Runtime.getRuntime().halt(0);
                return b;
            }
        };
        if (List.of(args).contains("--exit-at-once")) Runtime.getRuntime().halt(1);
        int until = List.of(args).indexOf("--never-initialize-until");
        if (List.of(args).contains("--never-initialize") || until >= 0 && !Files.exists(Path.of(args[until + 1]))) {
            while (in.read() >= 0) {
                // swallow everything, answer nothing
            }
            return;
        }
        System.err.println("fixture upstream starting");
        protocol.println("this banner is not JSON-RPC");
        protocol.flush();
        var transport = new StdioServerTransportProvider(JSON, in, protocol);
        var self = new CompletableFuture<McpSyncServer>();
        var extra = tool("extra", "Added by grow.", "{\"type\":\"object\"}", null, (exchange, call) -> text("extra tool"));
        self.complete(McpServer.sync(transport).serverInfo("fixture", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
                .tools(tool("add", "Adds two numbers.", """
                                {"type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}""",
                                """
                                {"type":"object","properties":{"sum":{"type":"number"}},"required":["sum"]}""",
                                (exchange, call) -> structured(Map.of("sum", number(call, "a") + number(call, "b")))),
                        tool("greet-person", "Greets someone by name.", """
                                {"type":"object","properties":{"name":{"type":"string","pattern":"^[A-Z]"}},"required":["name"]}""",
                                null, (exchange, call) -> text("Hello, " + call.arguments().get("name"))),
                        tool("json_text", "Answers JSON as text.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> text("{\"a\": [1, 2]}")),
                        tool("fail", "Always fails.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> CallToolResult.builder().addTextContent("broken on purpose").isError(true).build()),
                        tool("picture", "A tiny image.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> CallToolResult.builder().content(List.of(new McpSchema.TextContent("a picture"),
                                        new McpSchema.ImageContent(null, "AAECAw==", "image/png"))).build()),
                        tool("delete_everything", "Must never be granted in the tests.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> text("deleted")),
                        tool("pid", "This process's id.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> text(Long.toString(ProcessHandle.current().pid()))),
                        tool("chatty", "Reports progress and logs, then answers.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> {
                                    Object token = call.meta() == null ? null : call.meta().get("progressToken");
                                    if (token != null) exchange.progressNotification(new McpSchema.ProgressNotification(token, 0.5, 1.0, "half way"));
                                    exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                                            .level(McpSchema.LoggingLevel.INFO).data("chatty was called").build());
                                    return text("done");
                                }),
                        tool("crash", "Exits in the middle of the call.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> {
                                    Runtime.getRuntime().halt(3);
                                    return text("never");
                                }),
                        // adding a tool sends notifications/tools/list_changed; after the answer, not inside the call
                        tool("grow", "Adds the tool extra.", "{\"type\":\"object\"}", null,
                                (exchange, call) -> {
                                    self.thenAcceptAsync(server -> server.addTool(extra));
                                    return text("growing");
                                }))
                .build());
        Thread.currentThread().join();
    }

    private static SyncToolSpecification tool(String name, String description, String input, String output,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        var tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(JSON, input);
        if (output != null) tool.outputSchema(JSON, output);
        return SyncToolSpecification.builder().tool(tool.build()).callHandler(handler).build();
    }

    private static double number(CallToolRequest call, String name) {
        return ((Number) call.arguments().get(name)).doubleValue();
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).build();
    }

    private static CallToolResult structured(Map<String, Object> value) {
        return CallToolResult.builder().structuredContent(value).addTextContent(value.toString()).build();
    }
}
