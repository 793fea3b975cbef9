package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.egress.EgressPolicy;
import dev.paddock.server.ProfileGrants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `paddock init` writes a commented starter that the server accepts as written. */
class InitCommandTest {
    private static final Path SCHEMA = Path.of("src/main/resources/paddock.schema.json").toAbsolutePath();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return PaddockCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theStarterGrantsFilesOnTheNamedFolderAndExecUsesItAsWritten() throws Exception {
        Path config = dir.resolve("paddock.json");
        Path data = dir.resolve("data");

        assertThat(run("", "init", config.toString(), "--files", data.toString(), "--mkdir")).isZero();
        assertThat(stdout()).contains("wrote " + config, "files (read-only) on " + data, "created folder " + data)
                .containsPattern("next: \\S+ doctor --config " + config);
        String written = Files.readString(config);
        assertThat(written).contains("// ", "\"root\": \"data\"", "\"writable\": false", "\"rules\": [")
                .contains("${env:EXAMPLE_TOKEN}");
        assertThat(data).isDirectory();

        Files.writeString(data.resolve("orders.csv"), "id,total\n1,9.5\n");
        assertThat(run("return (await files.list({})).map(e => e.name)", "--config", config.toString(), "exec", "-"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout()).contains("\"orders.csv\"");
    }

    @Test
    void schemaPointsAtTheSchemaTheServerChecksAgainst() throws Exception {
        Path config = dir.resolve("paddock.json");
        assertThat(run("", "init", config.toString(), "--files", dir.toString())).isZero();

        PaddockConfig.load(config);
        String schema = schemaOf(Files.readString(config));
        // A folder outside the checkout gets the checkout's schema as a file: URI (inside it, a relative path).
        assertThat(Path.of(URI.create(schema))).isEqualTo(SCHEMA);
    }

    @Test
    void theCommentedRuleIsValidOnceUncommented() throws Exception {
        String starter = InitCommand.starter("paddock.schema.json", "data", false);
        String uncommented = starter.lines()
                .map(line -> line.contains("\"url\"") || line.contains("\"headers\"") ? line.replaceFirst("// ", "") : line)
                .collect(Collectors.joining("\n"));
        Files.createDirectory(dir.resolve("data"));
        Path config = Files.writeString(dir.resolve("paddock.json"), uncommented);

        PaddockConfig loaded = PaddockConfig.load(config);
        EgressPolicy egress = EgressPolicy.fromConfig(loaded.defaultProfile().egress(), "egress",
                name -> name.equals("EXAMPLE_TOKEN") ? "sk-example-secret" : null);
        assertThat(egress.grants()).containsExactly("GET https://api.example.com/v1/*");
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), "{ \"limits\": {} }");

        assertThat(run("", "init", config.toString(), "--files", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(config + " already exists; pass --force to overwrite it");
        assertThat(Files.readString(config)).isEqualTo("{ \"limits\": {} }");

        assertThat(run("", "init", config.toString(), "--files", dir.toString(), "--force")).isZero();
        assertThat(Files.readString(config)).contains("\"capabilities\"", "\"root\": \".\"");
    }

    @Test
    void aFolderThatDoesNotExistIsNamedAndLeftAloneUnlessAsked() throws Exception {
        Path config = dir.resolve("paddock.json");
        Path missing = dir.resolve("not-yet");

        assertThat(run("", "init", config.toString(), "--files", missing.toString())).isZero();
        assertThat(stdout()).contains("folder " + missing + " does not exist yet", "--mkdir");
        assertThat(missing).doesNotExist();
        assertThatThrownBy(() -> ProfileGrants.loadAll(PaddockConfig.load(config)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("capabilities.files.root");
    }

    @Test
    void aFileAsTheFolderIsRefused() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThat(run("", "init", dir.resolve("paddock.json").toString(), "--files", notAFolder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--files " + notAFolder + " is not a folder");
        assertThat(dir.resolve("paddock.json")).doesNotExist();
    }

    @Test
    void commentsInAConfigKeepEveryErrorAtItsLineAndColumn() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), """
                // limits for the team
                {
                  /* a block comment */ "limits": { "wallTimeMs": true }
                }
                """);

        assertThatThrownBy(() -> PaddockConfig.load(config)).isInstanceOf(ConfigException.class)
                .hasMessage("paddock.json:3:51: limits.wallTimeMs must be a positive integer (milliseconds)");
    }

    private static String schemaOf(String config) {
        var m = Pattern.compile("\"\\$schema\": \"([^\"]+)\"").matcher(config);
        assertThat(m.find()).as("the starter has a $schema").isTrue();
        return m.group(1);
    }
}
