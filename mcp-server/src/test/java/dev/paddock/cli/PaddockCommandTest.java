package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.config.LogSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PaddockCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String stdin, String... args) {
        return PaddockCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static PaddockCommand parse(String... args) {
        var app = new PaddockCommand(InputStream.nullInputStream(), OutputStream.nullOutputStream(), System.err);
        CommandLine.ParseResult parsed = PaddockCommand.commandLine(app).parseArgs(args);
        assertThat(parsed.errors()).isEmpty();
        return app;
    }

    @Test
    void configIsAcceptedBeforeTheSubcommand() {
        assertThat(parse("--config", "a.json", "exec", "x.js").configFile).isEqualTo(Path.of("a.json"));
    }

    @Test
    void configIsAcceptedAfterTheSubcommand() {
        assertThat(parse("exec", "--config", "b.json", "x.js").configFile).isEqualTo(Path.of("b.json"));
        assertThat(parse("serve", "--config=c.json").configFile).isEqualTo(Path.of("c.json"));
    }

    @Test
    void logLevelIsAcceptedBeforeOrAfterTheSubcommandInAnyCase() {
        assertThat(parse("--log-level", "warn", "exec", "x.js").logLevel).isEqualTo(LogSettings.Level.WARN);
        assertThat(parse("serve", "--log-level=DEBUG").logLevel).isEqualTo(LogSettings.Level.DEBUG);
    }

    @Test
    void anUnknownLogLevelIsAUsageErrorListingTheLevels() {
        assertThat(run("--log-level", "loud", "exec", "-")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--log-level", "loud", "WARN", "DEBUG");
    }

    @Test
    void versionPrintsPaddockAndTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("paddock \\d+\\.\\d+\\.\\d+.*\\R");
    }

    @Test
    void helpShowsCommandsAndExamples() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("serve", "exec", "--config", "Examples:", "paddock exec script.js", "claude_desktop_config.json");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"serve", "exec", "tools", "types", "init", "doctor"}) {
            out.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("Usage: paddock " + command);
        }
    }

    @Test
    void aPortInUseIsOneLineOnStderrAndExitTwo() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("serve", "--http", "127.0.0.1:" + taken.getLocalPort())).isEqualTo(2);
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertThat(stderr.lines().filter(line -> line.startsWith("paddock: "))).containsExactly("paddock: cannot serve "
                    + "HTTP: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use (choose "
                    + "another port, or 0 for a free one)");
            assertThat(stderr).doesNotContain("Exception", "\tat ");
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option");
    }

    @Test
    void aBadConfigFileIsAUsageErrorNamingTheProblem() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), "{\"limits\": {\"wallTimeMs\": true}}");

        assertThat(run("--config", config.toString(), "exec", "-")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("paddock: paddock.json:1:27: limits.wallTimeMs must be a positive integer (milliseconds)");
    }

    @Test
    void aMissingScriptIsAUsageError() {
        assertThat(run("exec", dir.resolve("missing.js").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("missing.js");
    }

    @Test
    void aMissingDeclarationFileIsAUsageErrorToo() {
        assertThat(run("tools", "--from-ts", dir.resolve("nope.d.ts").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("nope.d.ts");
        assertThat(run("types", "--from-schema", dir.resolve("nope.json").toString())).isEqualTo(2);
    }

    @Test
    void toolsAndTypesReadStandardInputLikeExec() {
        String declarations = "export interface Weather {\n  /** Today's high. */\n  high(input: { city: string }): Promise<number>;\n}\n";
        assertThat(runWithInput(declarations, "tools", "--from-ts", "-", "--namespace", "weather")).isZero();
        String tools = out.toString(StandardCharsets.UTF_8);
        assertThat(tools).contains("\"name\" : \"weather_high\"");

        out.reset();
        assertThat(runWithInput(tools, "types", "--from-schema", "-")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("declare const tools: {").contains("weather_high(");

        assertThat(runWithInput("{\"tools\": [", "types", "--from-schema", "-")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("<stdin>:1:");
    }
}
