package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `paddock exec` with real isolates: result on stdout, logs and errors on stderr, exit code says which. */
class ExecCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int exec(String stdin, String... args) {
        return PaddockCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptFilesResultIsPrettyJsonOnStdoutAndItsLogsGoToStderr() throws Exception {
        Path script = Files.writeString(dir.resolve("hello.js"), "console.log('hello');\nreturn { answer: 6 * 7 };\n");

        assertThat(exec("", "exec", script.toString())).isZero();
        assertThat(stdout()).isEqualTo("{\n  \"answer\" : 42\n}\n");
        assertThat(stderr()).contains("[log] hello");
    }

    @Test
    void aDashReadsTheScriptFromStdin() {
        assertThat(exec("1 + 1", "exec", "-")).isZero();
        assertThat(stdout()).isEqualTo("2\n");
    }

    @Test
    void aFailingScriptPrintsTheErrorToStderrAndExitsWithOne() {
        assertThat(exec("const a = 1;\nnull.boom;", "exec", "-")).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("TypeError", "at line 2, column 1", "  2 | null.boom;");
    }

    @Test
    void timeoutMsLowersTheWallTimeLimit() {
        assertThat(exec("while (true) {}", "exec", "--timeout-ms", "300", "-")).isEqualTo(1);
        assertThat(stderr()).contains("300 ms wall-time limit");
    }

    @Test
    void theConfigFilesLimitsApplyToExec() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), "{\"limits\": {\"wallTimeMs\": 250}}");

        assertThat(exec("while (true) {}", "exec", "-", "--config", config.toString())).isEqualTo(1);
        assertThat(stderr()).contains("250 ms wall-time limit");
    }
}
