package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "logging" section and --log-level on a real `paddock` process serving stdio: logs take the asked
 * level and form on stderr, and stdout carries JSON-RPC and nothing else.
 */
class LoggingOverStdioTest {
    private static final String SESSION = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            this line is not JSON
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"execute","arguments":{"code":"console.log('to the agent'); return 6 * 7"}}}
            """;

    @TempDir
    Path dir;

    private record Run(List<String> stdout, List<String> stderr) {}

    private Run serve(String config, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("paddock.json"), config);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", file.toString()));
        command.addAll(List.of(options));
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        List<String> stdout = new ArrayList<>();
        try (OutputStream in = process.getOutputStream();
                var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(SESSION.getBytes(StandardCharsets.UTF_8));
            in.flush();
            // stdin stays open until the execute call is answered: a server whose input ends stops serving.
            for (String line; (line = out.readLine()) != null; ) {
                stdout.add(line);
                if (line.contains("\"id\":2")) break;
            }
            in.close();
            out.lines().forEach(stdout::add);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("paddock exits after stdin ends").isTrue();
        return new Run(stdout, Files.readAllLines(stderr));
    }

    private static JsonNode json(String line) {
        return JsonMapper.shared().readTree(line);
    }

    private static void assertOnlyJsonRpc(List<String> stdout) {
        assertThat(stdout).isNotEmpty().allSatisfy(line -> assertThat(json(line).path("jsonrpc").asString()).isEqualTo("2.0"));
        assertThat(stdout).anySatisfy(line -> assertThat(json(line).path("result").path("structuredContent")
                .path("result").asInt()).isEqualTo(42));
        assertThat(String.join("\n", stdout)).doesNotContain("serving MCP");
    }

    @Test
    void jsonLogsAtTheLevelTheCommandLineAsksOverTheConfigs() throws Exception {
        Run run = serve("{\"logging\": {\"level\": \"error\", \"format\": \"json\"}}", "--log-level", "debug");

        assertOnlyJsonRpc(run.stdout());
        List<JsonNode> logs = run.stderr().stream().filter(line -> line.startsWith("{")).map(LoggingOverStdioTest::json).toList();
        assertThat(logs).anySatisfy(log -> {
            assertThat(log.path("level").asString()).isEqualTo("INFO");
            assertThat(log.path("loggerName").asString()).isEqualTo("dev.paddock.server.PaddockRuntime");
            assertThat(log.path("formattedMessage").asString()).contains("serving MCP over stdio");
        });
        assertThat(logs).anySatisfy(log -> {
            assertThat(log.path("level").asString()).isEqualTo("DEBUG");
            assertThat(log.path("formattedMessage").asString()).startsWith("rejected input line");
        });
        // Only the JVM's own warnings (before logging starts, with blank lines between) are not JSON.
        assertThat(run.stderr()).filteredOn(line -> !line.startsWith("{"))
                .allSatisfy(line -> assertThat(line).matches("|WARNING: .*"));
    }

    @Test
    void warnInTheConfigQuietsInfoAndTextStaysTheDefaultForm() throws Exception {
        Run run = serve("{\"logging\": {\"level\": \"warn\"}}");

        assertOnlyJsonRpc(run.stdout());
        assertThat(run.stderr()).noneMatch(line -> line.contains(" INFO ") || line.contains(" DEBUG "))
                .noneMatch(line -> line.startsWith("{"));
        run = serve("{}", "--log-level=INFO");
        assertThat(run.stderr()).anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO PaddockRuntime - paddock .* serving MCP over stdio"));
    }
}
