package dev.paddock.transport.http;

import dev.paddock.transport.McpJson;
import static dev.paddock.transport.http.McpHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One port, one MCP server per profile: a session lands on the server of its token's profile. */
@Timeout(60)
class ProfileRoutingTest {

    private StreamableHttpTransport transport;
    private McpSyncServer teamA;
    private McpSyncServer teamB;

    @AfterEach
    void stop() {
        transport.close();
        teamA.close();
        teamB.close();
    }

    @Test
    void eachProfileSeesItsOwnServersTools() {
        transport = new StreamableHttpTransport(HttpSettings.builder()
                .tokens(Map.of("token-a", "team-a", "token-b", "team-b", "token-c", "team-c")).build());
        teamA = serverWith(transport.provider("team-a"), "team_a_tool");
        teamB = serverWith(transport.provider("team-b"), "team_b_tool");
        int port = transport.start();

        var a = new McpHttpClient(port).header("Authorization", "Bearer token-a");
        String listA = a.post(a.initialize(), request(1, "tools/list", "{}"), "application/json").body();
        assertThat(listA).contains("team_a_tool").doesNotContain("team_b_tool");

        var b = new McpHttpClient(port).header("Authorization", "Bearer token-b");
        String listB = b.post(b.initialize(), request(1, "tools/list", "{}"), "application/json").body();
        assertThat(listB).contains("team_b_tool").doesNotContain("team_a_tool");

        var c = new McpHttpClient(port).header("Authorization", "Bearer token-c");
        var refused = c.post(null, McpHttpClient.initializeRequest(), McpHttpClient.BOTH);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("no MCP server serves profile 'team-c'");
    }

    private static McpSyncServer serverWith(
            io.modelcontextprotocol.spec.McpStreamableServerTransportProvider provider, String tool) {
        return McpServer.sync(provider)
                .jsonMapper(McpJson.MAPPER)
                .serverInfo(tool, "1")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(SyncToolSpecification.builder()
                        .tool(Tool.builder(tool, Map.of("type", "object")).description(tool).build())
                        .callHandler((exchange, req) -> CallToolResult.builder().content(List.of()).build())
                        .build())
                .build();
    }
}
