package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command that takes a file refuses one it cannot read with exit 2 and one line saying why. */
class FileArgumentsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PaddockCommand.run(args, new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The command line with {@code FILE} in the place of the file argument. */
    private static String[] command(String template, Path file) {
        return template.replace("FILE", file.toString()).split(" ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tools --from-ts FILE", "types --from-schema FILE", "exec FILE"})
    void aMissingFileExitsWith2NamingItInOneLine(String template) {
        Path missing = dir.resolve("nope.d.ts");

        assertThat(run(command(template, missing))).isEqualTo(2);
        assertThat(errLines()).containsExactly("paddock: cannot read " + missing + ": no such file");
        assertThat(out.size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tools --from-ts FILE", "types --from-schema FILE", "exec FILE"})
    void aDirectoryExitsWith2InOneLine(String template) {
        assertThat(run(command(template, dir))).isEqualTo(2);
        assertThat(errLines()).containsExactly("paddock: cannot read " + dir + ": Is a directory");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tools --from-ts FILE", "types --from-schema FILE", "exec FILE"})
    void aFileThatIsNotUtf8ExitsWith2InOneLine(String template) throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(run(command(template, latin1))).isEqualTo(2);
        assertThat(errLines()).containsExactly("paddock: cannot read " + latin1 + ": not UTF-8 text");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--config FILE", "--config FILE serve", "--config FILE exec -", "serve --config FILE --http 0"})
    void aMissingConfigFileExitsWith2InOneLine(String template) {
        Path missing = dir.resolve("paddock.json");

        assertThat(run(command(template, missing))).isEqualTo(2);
        assertThat(errLines()).hasSize(1).first().asString().startsWith("paddock: " + missing + ": cannot read the config file");
    }
}
