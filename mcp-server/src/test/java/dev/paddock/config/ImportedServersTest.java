package dev.paddock.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP clients' own config files, in the shapes their public docs show, read as they are by
 * {@code --mcp-config} and translated into paddock.json's entry shape.
 */
class ImportedServersTest {
    private static final String SECRET = "ghp_s3cr3tValueThatMustNeverBePrinted";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String json(McpServerEntry server) {
        return JsonMapper.shared().writeValueAsString(server.entry());
    }

    /** "file:line:" of the first line containing {@code needle}, the place a message must name. */
    private static String lineOf(Path file, String text, String needle) {
        return file + ":" + (text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1) + ":";
    }

    @Test
    void claudeDesktopsFileGivesItsServersAndOneWarningForTheAppSettings() throws Exception {
        Path file = write("claude_desktop_config.json", """
                {
                  "globalShortcut": "Ctrl+Space",
                  "mcpServers": {
                    "filesystem": {
                      "command": "npx",
                      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"]
                    },
                    "github": {
                      "command": "docker",
                      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
                      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "%s"}
                    }
                  },
                  "preferences": {"menuBarEnabled": false}
                }""".formatted(SECRET));

        ImportedServers imported = ImportedServers.read(List.of(file));

        assertThat(imported.servers()).extracting(McpServerEntry::name).containsExactly("filesystem", "github");
        assertThat(json(imported.servers().get(0)))
                .isEqualTo("{\"command\":\"npx\",\"args\":[\"-y\",\"@modelcontextprotocol/server-filesystem\",\"/Users/me/Desktop\"]}");
        assertThat(imported.servers().get(1).entry().path("env").path("GITHUB_PERSONAL_ACCESS_TOKEN").asString()).isEqualTo(SECRET);
        assertThat(imported.servers().get(1).origin()).isEqualTo(file + ":8:15");
        assertThat(imported.servers().get(1).baseDir()).isEqualTo(dir);
        ImportedServers.FileSummary summary = imported.files().get(0);
        assertThat(summary.format()).isEqualTo("Claude Desktop / Cursor");
        assertThat(summary.servers()).containsExactly("filesystem", "github");
        assertThat(summary.warning()).isEqualTo(file + ": ignoring what Paddock does not use: globalShortcut, preferences");
    }

    @Test
    void cursorsFileFillsInItsPlaceholdersAndEnvFileButKeepsEnvReferences() throws Exception {
        write("project/.env", """
                # read by the linear server
                export LINEAR_API_KEY="from-the-env-file"
                REGION=eu
                """);
        Path file = write("project/.cursor/mcp.json", """
                {
                  "mcpServers": {
                    "linear": {
                      "type": "stdio",
                      "command": "node",
                      "args": ["${userHome}/servers/linear.js", "--root", "${workspaceFolder}${pathSeparator}src"],
                      "envFile": "${workspaceFolder}/.env",
                      "env": {"REGION": "us"}
                    },
                    "context7": {
                      "url": "https://mcp.context7.com/mcp",
                      "headers": {"CONTEXT7_API_KEY": "${env:CONTEXT7_API_KEY}"}
                    }
                  }
                }""");

        ImportedServers imported = ImportedServers.read(List.of(file));

        McpServerEntry linear = imported.servers().get(0);
        Path project = dir.resolve("project");
        assertThat(linear.entry().path("args").get(0).asString()).isEqualTo(System.getProperty("user.home") + "/servers/linear.js");
        assertThat(linear.entry().path("args").get(2).asString()).isEqualTo(project + File.separator + "src");
        assertThat(json(linear)).contains("\"env\":{\"LINEAR_API_KEY\":\"from-the-env-file\",\"REGION\":\"us\"}");
        assertThat(linear.entry().has("type")).isFalse();
        assertThat(linear.baseDir()).isEqualTo(project);
        assertThat(json(imported.servers().get(1)))
                .isEqualTo("{\"url\":\"https://mcp.context7.com/mcp\",\"headers\":{\"CONTEXT7_API_KEY\":\"${env:CONTEXT7_API_KEY}\"}}");
        assertThat(imported.files().get(0).warning()).isEmpty();
    }

    @Test
    void vsCodesJsoncFileWithCommentsAndTrailingCommasIsRead() throws Exception {
        Path file = write("ws/.vscode/mcp.json", """
                // Shared with the team: no secrets in here.
                {
                  "inputs": [
                    {"type": "promptString", "id": "unused-key", "description": "Not used by any server", "password": true},
                  ],
                  "servers": {
                    /* local */
                    "memory": {
                      "type": "stdio",
                      "command": "npx",
                      "args": ["-y", "@modelcontextprotocol/server-memory",],
                      "env": {"MEMORY_FILE_PATH": "${workspaceFolder}/memory.json"},
                      "dev": {"watch": "src/**/*.ts"},
                    },
                    "github": {
                      "type": "http",
                      "url": "https://api.githubcopilot.com/mcp/",
                      "headers": {"Authorization": "Bearer ${env:GITHUB_TOKEN}"},
                    },
                  },
                }""");

        ImportedServers imported = ImportedServers.read(List.of(file));

        assertThat(imported.servers()).extracting(McpServerEntry::name).containsExactly("memory", "github");
        assertThat(imported.servers().get(0).entry().path("env").path("MEMORY_FILE_PATH").asString())
                .isEqualTo(dir.resolve("ws") + "/memory.json");
        assertThat(json(imported.servers().get(1)))
                .isEqualTo("{\"url\":\"https://api.githubcopilot.com/mcp/\",\"headers\":{\"Authorization\":\"Bearer ${env:GITHUB_TOKEN}\"}}");
        assertThat(imported.files().get(0).format()).isEqualTo("VS Code");
        assertThat(imported.files().get(0).warning()).isEqualTo(file + ": ignoring what Paddock does not use: servers.memory.dev");
    }

    @Test
    void trailingCommasStayAMistakeInPaddockJson() throws Exception {
        Path file = write("paddock.json", "{\"limits\": {\"wallTimeMs\": 5000,}}");

        assertThatThrownBy(() -> PaddockConfig.load(file)).isInstanceOf(ConfigException.class).hasMessageContaining("invalid JSON");
    }

    @Test
    void aVsCodeInputPromptIsAMistakeAtItsPlaceThatSaysToUseAnEnvironmentVariable() throws Exception {
        String text = """
                {
                  "inputs": [{"type": "promptString", "id": "perplexity-key", "password": true}],
                  "servers": {
                    "perplexity": {
                      "type": "stdio",
                      "command": "npx",
                      "args": ["-y", "server-perplexity-ask"],
                      "env": {"PERPLEXITY_API_KEY": "${input:perplexity-key}"}
                    }
                  }
                }""";
        Path file = write("mcp.json", text);

        assertThatThrownBy(() -> ImportedServers.read(List.of(file))).isInstanceOf(ConfigException.class)
                .hasMessage(lineOf(file, text, "PERPLEXITY_API_KEY") + "37: servers.perplexity.env.PERPLEXITY_API_KEY uses "
                        + "${input:perplexity-key}, a VS Code prompt that Paddock cannot answer: put the value in an environment "
                        + "variable and write ${env:NAME} here instead");
    }

    @Test
    void legacySseServersAreRefusedSayingPaddockSpeaksStreamableHttp() throws Exception {
        Path file = write("mcp.json", """
                {"servers": {"old": {"type": "sse", "url": "http://127.0.0.1:3001/sse"}}}""");

        assertThatThrownBy(() -> ImportedServers.read(List.of(file))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":1:30: servers.old.type \"sse\" is the legacy HTTP+SSE transport")
                .hasMessageContaining("speaks Streamable HTTP")
                .hasMessageContaining("\"type\": \"http\"");
    }

    @Test
    void everyBadEntryOfEveryFileIsReportedAtItsLineAndColumnInOneError() throws Exception {
        String first = """
                {
                  "mcpServers": {
                    "numbers": {"command": "server", "args": ["--port", 3000]},
                    "nothing": {"env": {"TOKEN": "%s"}},
                    "both": {"command": "server", "url": "http://127.0.0.1:1/mcp"},
                    "secret": {"command": "server", "env": {"TOKEN": 12345, "OTHER": "%s"}}
                  }
                }""".formatted(SECRET, SECRET);
        String second = """
                {"servers": {
                  "typo": {"type": "stdoi", "command": "server"},
                  "wrong": "npx server"
                }}""";
        Path a = write("a/claude_desktop_config.json", first);
        Path b = write("b/mcp.json", second);

        assertThatThrownBy(() -> ImportedServers.read(List.of(a, b))).isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        a + ":3:57: mcpServers.numbers.args[1] must be a string (write numbers and flags in quotes)",
                        a + ":4:16: mcpServers.nothing needs \"command\" (a server Paddock starts) or \"url\" (a Streamable HTTP server)",
                        a + ":5:13: mcpServers.both has both \"command\" (stdio) and \"url\" (Streamable HTTP); keep one",
                        a + ":6:54: mcpServers.secret.env.TOKEN must be a string",
                        b + ":2:20: servers.typo.type must be \"stdio\" or \"http\"",
                        b + ":3:12: servers.wrong must be an object like {\"command\": \"npx\", \"args\": [...]} or "
                                + "{\"url\": \"https://…/mcp\"}"))
                .message().doesNotContain(SECRET);
    }

    @Test
    void aServerNamedInTwoFilesIsAMistakeNamingBothPlaces() throws Exception {
        Path a = write("claude_desktop_config.json", "{\"mcpServers\": {\"memory\": {\"command\": \"npx\"}}}");
        Path b = write(".cursor/mcp.json", "{\n\"mcpServers\": {\n  \"memory\": {\"url\": \"http://127.0.0.1:1/mcp\"}}}");

        assertThatThrownBy(() -> ImportedServers.read(List.of(a, b))).isInstanceOf(ConfigException.class)
                .hasMessage(b + ":3:13: mcpServers.memory: the server \"memory\" is defined twice: here and at " + a
                        + ":1:27; its name is its namespace in execute, so rename or remove one of them");
    }

    @Test
    void aBadEntryAndANameDefinedTwiceAreReportedInOneRun() throws Exception {
        Path a = write("claude_desktop_config.json", "{\"mcpServers\": {\"memory\": {\"command\": \"npx\"}}}");
        Path b = write(".vscode/mcp.json", "{\"servers\": {\n  \"old\": {\"type\": \"sse\", \"url\": \"http://127.0.0.1:1/sse\"},\n"
                + "  \"memory\": {\"type\": \"stdio\", \"command\": \"npx\"}}}");

        assertThatThrownBy(() -> ImportedServers.read(List.of(a, b))).isInstanceOf(ConfigException.class)
                .message().contains(b + ":2:19: servers.old.type \"sse\" is the legacy HTTP+SSE transport")
                .contains(b + ":3:13: servers.memory: the server \"memory\" is defined twice: here and at " + a + ":1:27");
    }

    @Test
    void aServerAlsoDefinedInPaddockJsonIsAMistakeNamingBothPlaces() throws Exception {
        Path paddock = write("paddock.json", "{\"mcpServers\": {\"memory\": {\"command\": \"npx\"}}}");
        Path client = write("claude_desktop_config.json", "{\"mcpServers\": {\"memory\": {\"command\": \"npx\"}, \"fs\": {\"command\": \"fs\"}}}");
        ImportedServers imported = ImportedServers.read(List.of(client));

        assertThatThrownBy(() -> PaddockConfig.load(paddock, imported)).isInstanceOf(ConfigException.class)
                .hasMessage(client + ":1:27: mcpServers.memory: the server \"memory\" is defined twice: here and at "
                        + "paddock.json:1:27; its name is its namespace in execute, so rename or remove one of them");
    }

    @Test
    void importedServersJoinTheDefaultProfileAfterPaddockJsonsOwnAndProfilesMayReferToThem() throws Exception {
        Path paddock = write("paddock.json", """
                {"mcpServers": {"memory": {"command": "npx"}},
                 "profiles": {"ci": {"mcpServers": {"fs": {"tools": {"allow": ["read_*"]}}}}}}""");
        Path client = write("mcp.json", "{\"servers\": {\"fs\": {\"type\": \"stdio\", \"command\": \"fs\"}}}");

        PaddockConfig config = PaddockConfig.load(paddock, ImportedServers.read(List.of(client)));

        assertThat(config.defaultProfile().mcpServers()).containsOnlyKeys("memory", "fs");
        McpServerEntry narrowed = config.profiles().get("ci").mcpServers().get("fs");
        assertThat(narrowed.origin()).isEqualTo(client + ":1:20");
        assertThat(json(narrowed)).isEqualTo("{\"command\":\"fs\",\"tools\":{\"allow\":[\"read_*\"]}}");
        assertThat(PaddockConfig.defaults(ImportedServers.read(List.of(client))).defaultProfile().mcpServers()).containsOnlyKeys("fs");
    }

    @Test
    void disabledServersAreSkippedAndListed() throws Exception {
        Path file = write("mcp.json", """
                {"mcpServers": {"on": {"command": "a"}, "off": {"command": "b", "disabled": true}}}""");

        ImportedServers imported = ImportedServers.read(List.of(file));

        assertThat(imported.servers()).extracting(McpServerEntry::name).containsExactly("on");
        assertThat(imported.files().get(0).disabled()).containsExactly("off");
        assertThat(imported.files().get(0).servers()).containsExactly("on");
    }

    @Test
    void anEnvFilesBadLineIsNamedByNumberNeverByItsText() throws Exception {
        write(".env", "GOOD=1\n" + SECRET + "\n");
        Path file = write("mcp.json", "{\"mcpServers\": {\"s\": {\"command\": \"a\", \"envFile\": \".env\"}}}");

        assertThatThrownBy(() -> ImportedServers.read(List.of(file))).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1:50: mcpServers.s.envFile " + dir.resolve(".env") + " line 2 is not NAME=value")
                .message().doesNotContain(SECRET);
    }

    @Test
    void aFileOfNeitherFormatSaysWhatWasExpected() throws Exception {
        Path file = write("settings.json", "{\"editor.fontSize\": 14}");

        assertThatThrownBy(() -> ImportedServers.read(List.of(file))).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1:1: is not an MCP client config: expected an object with \"mcpServers\" (Claude Desktop, "
                        + "Cursor) or \"servers\" (VS Code); pass it as --config if it is paddock.json");
    }
}
