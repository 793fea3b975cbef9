package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.upstream.FixtureUpstream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code --mcp-config FILE}: an MCP client's own config file behind Paddock, on serve, exec and doctor. */
class McpConfigFlagTest {
    private static final String SECRET = "xoxb-s3cr3t-slack-token-never-printed";
    private static final String UNSET = "PADDOCK_MCP_CONFIG_TEST_NEVER_SET";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PaddockCommand.run(args, new ByteArrayInputStream("return 6 * 7".getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void agentCodeCallsTheServersOfAnUnmodifiedClaudeDesktopFile() throws Exception {
        var json = JsonMapper.shared();
        Path claude = write("claude_desktop_config.json", """
                {
                  "globalShortcut": "Alt+Space",
                  "mcpServers": {
                    "fixture": {
                      "command": %s,
                      "args": ["%s"],
                      "env": {"CLASSPATH": %s}
                    }
                  }
                }""".formatted(json.writeValueAsString(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                FixtureUpstream.class.getName(), json.writeValueAsString(System.getProperty("java.class.path"))));
        Path script = write("chain.js", """
                const first = await fixture.add({a: 2, b: 3});
                const second = await fixture.add({a: first.sum, b: 10});
                return {first, second, greeting: await fixture.greet_person({name: "Ada"})};""");

        assertThat(run("exec", "--mcp-config", claude.toString(), script.toString())).as(stderr()).isZero();

        assertThat(json.readTree(stdout())).isEqualTo(json.readTree("""
                {"first": {"sum": 5}, "second": {"sum": 15}, "greeting": "Hello, Ada"}"""));
    }

    @Test
    void doctorSaysWhatEachFileGaveWithoutAPaddockJson() throws Exception {
        Path claude = write("claude_desktop_config.json", """
                {"globalShortcut": "Ctrl+Space",
                 "mcpServers": {"memory": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]},
                                "slack": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-slack"],
                                          "env": {"SLACK_BOT_TOKEN": "%s"}}}}""".formatted(SECRET));
        Path vscode = write("mcp.json", """
                {"servers": {"remote": {"type": "http", "url": "http://127.0.0.1:3001/mcp",},
                             "old": {"type": "stdio", "command": "x", "disabled": true}}}""");

        assertThat(run("doctor", "--mcp-config", claude.toString(), "--mcp-config", vscode.toString())).isZero();

        assertThat(stdout()).contains("warn  mcp-cfg  " + claude.toAbsolutePath() + " (Claude Desktop / Cursor): 2 servers (memory, slack)\n"
                        + " ".repeat(15) + "ignored, Paddock does not use them: globalShortcut")
                .contains("ok    mcp-cfg  " + vscode.toAbsolutePath() + " (VS Code): 1 server (remote)\n"
                        + " ".repeat(15) + "skipped as disabled: old")
                .contains("ok    config   none given: the defaults apply and nothing is granted but the servers of --mcp-config")
                .contains("default: no capabilities; no fetch; MCP servers memory, slack, remote")
                .doesNotContain(SECRET);
    }

    @Test
    void aMistakeFoundWhenTheEntryIsReadNamesTheClientFileNeverAValue() throws Exception {
        String text = """
                {
                  "mcpServers": {
                    "slack": {
                      "command": "npx",
                      "env": {"SLACK_BOT_TOKEN": "%s", "SLACK_TEAM_ID": "${env:%s}"}
                    }
                  }
                }""".formatted(SECRET, UNSET);
        Path cursor = write("mcp.json", text);

        assertThat(run("exec", "--mcp-config", cursor.toString(), "-")).isEqualTo(2);

        int column = text.lines().toList().get(4).indexOf("\"${env:") + 1;
        assertThat(stderr().lines()).containsExactly(
                "paddock: " + cursor + ":5:" + column + ": mcpServers.slack.env.SLACK_TEAM_ID: environment variable " + UNSET + " is not set");
        assertThat(stderr()).doesNotContain(SECRET);
        assertThat(out.size()).isZero();
    }

    @Test
    void aBadEntryAndABadPaddockJsonAreReportedInOneRun() throws Exception {
        Path paddock = write("paddock.json", "{\"limits\": {\"wallTimeMs\": -1}}");
        Path vscode = write("mcp.json", "{\"servers\": {\"key\": {\"type\": \"stdio\", \"command\": \"x\", \"env\": {\"K\": \"${input:key}\"}}}}");

        assertThat(run("serve", "--config", paddock.toString(), "--mcp-config", vscode.toString())).isEqualTo(2);

        assertThat(stderr().lines()).containsExactly(
                "paddock: paddock.json:1:27: limits.wallTimeMs must be a positive integer (milliseconds)",
                "paddock: " + vscode + ":1:68: servers.key.env.K uses ${input:key}, a VS Code prompt that Paddock cannot "
                        + "answer: put the value in an environment variable and write ${env:NAME} here instead");
    }

    @Test
    void ignoredKeysGiveOneWarningPerFileAndDisabledServersALogLine() throws Exception {
        Path claude = write("claude_desktop_config.json", """
                {"globalShortcut": "", "preferences": {},
                 "mcpServers": {"off": {"command": "x", "disabled": true, "autoApprove": ["read"], "timeout": 60}}}""");
        List<String> log = new ArrayList<>();
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("exec", "--mcp-config", claude.toString(), "-")).isZero();
        } finally {
            System.setErr(stderr);
        }
        captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(claude.toString())).forEach(log::add);

        assertThat(stdout()).isEqualTo("42\n");
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).contains("WARN").endsWith(claude + ": ignoring what Paddock does not use: globalShortcut, "
                + "mcpServers.off.autoApprove, mcpServers.off.timeout, preferences");
        assertThat(log.get(1)).contains("INFO").endsWith(claude + ": skipping the server \"off\", which the file marks disabled");
    }

    @Test
    void helpDocumentsTheFlag() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(stdout()).contains("--mcp-config=FILE").contains("claude_desktop_config.json").contains("Repeatable");
    }
}
