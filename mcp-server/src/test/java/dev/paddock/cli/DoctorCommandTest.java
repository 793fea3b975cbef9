package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `paddock doctor` on this JVM: tests run GraalJS from the class path, so the runtime is the interpreter, and
 * Paddock's classes come from this checkout, so the client entries name its launcher and jar.
 */
class DoctorCommandTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    /** Set in every environment these tests run in; the doctor must name it but never print its value. */
    private static final String SET = "PATH";
    private static final String UNSET = "PADDOCK_DOCTOR_TEST_NEVER_SET";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return PaddockCommand.run(args, new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionIsOneLineThatTheDoctorPrintsFirst() {
        assertThat(run("--version")).isZero();
        String version = stdout();
        assertThat(version).matches("paddock \\d+\\.\\d+\\.\\d+\\S* \\(GraalJS 25\\.\\d+\\.\\d+, Java \\d+\\.\\d+\\.\\d+ \\S+, "
                + "(JIT|interpreter)\\)\\R");

        assertThat(run("doctor")).isZero();
        assertThat(stdout()).startsWith(version);
    }

    @Test
    void withoutAConfigItReportsTheRuntimeAndHeapAndNeedsNothingElse() {
        assertThat(run("doctor")).isZero();
        assertThat(stdout())
                .containsPattern("(?m)^ok    java     " + Runtime.version().feature() + "\\.\\d+\\.\\d+ .* at " + System.getProperty("java.home") + "$")
                .containsPattern("(?m)^ok    graaljs  25\\.\\d+\\.\\d+$")
                .contains("warn  runtime  interpreter: JVMCI is off (GraalJS on the class path): the JIT needs -XX:+EnableJVMCI "
                        + "and the Graal compiler; java -jar paddock.jar and scripts/paddock run it\n")
                .containsPattern("(?m)^(ok|warn)  heap     max \\d+\\.\\d GiB")
                .containsPattern("(?m)^ok    config   none given: the defaults apply")
                .contains("ok    env      the config reads no environment variables",
                        "ok    grants   default: no capabilities; no fetch")
                .endsWith("No problems found.\n");
    }

    @Test
    void everyClientEntryStartsThisPaddockWithAbsolutePathsAndAnEnvBlock() throws Exception {
        Path config = validConfig("\"egress\": { \"rules\": [ { \"url\": \"https://api.example.com/*\", "
                + "\"headers\": { \"Authorization\": \"Bearer ${env:" + SET + "}\" } } ] }");

        assertThat(run("--config", config.toString(), "doctor")).as(stdout()).isZero();
        Map<String, JsonNode> entries = clientEntries(stdout());
        assertThat(entries).containsOnlyKeys("Claude Desktop", "Cursor", "VS Code");

        // Claude Desktop gets the self-contained jar once it is built (tests may run before packaging).
        JsonNode claude = entries.get("Claude Desktop").path("mcpServers").path("paddock");
        Path jar = CHECKOUT.resolve("mcp-server/target/paddock.jar");
        if (Files.isRegularFile(jar)) {
            assertThat(claude.path("command").asString()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            assertThat(strings(claude.path("args"))).containsSubsequence("-Xmx2g", "-jar", jar.toString(), "serve", "--config",
                    config.toString());
        } else {
            assertThat(claude.path("command").asString()).isEqualTo(CHECKOUT.resolve("scripts/paddock").toString());
        }

        JsonNode cursor = entries.get("Cursor").path("mcpServers").path("paddock");
        assertThat(cursor.path("command").asString()).isEqualTo(CHECKOUT.resolve("scripts/paddock").toString());
        assertThat(strings(cursor.path("args"))).containsExactly("serve", "--config", config.toString());

        JsonNode vsCode = entries.get("VS Code");
        assertThat(vsCode.path("servers").path("paddock").path("type").asString()).isEqualTo("stdio");
        assertThat(vsCode.path("inputs").get(0).path("password").asBoolean()).isTrue();
        assertThat(vsCode.path("servers").path("paddock").path("env").path(SET).asString()).isEqualTo("${input:" + SET + "}");

        assertThat(claude.path("env").path(SET).asString()).isEqualTo("<value of " + SET + ">");
        assertThat(cursor.path("env").path(SET).asString()).isEqualTo("<value of " + SET + ">");
        assertThat(stdout()).contains("ok    env      " + SET + " is set (egress headers)")
                .doesNotContain(System.getenv(SET));
    }

    @Test
    void anUnsetVariableFailsWithWhereItIsUsedAndStillGoesIntoTheEntries() throws Exception {
        Path config = validConfig("\"egress\": { \"rules\": [ { \"url\": \"https://api.example.com/*\", "
                + "\"headers\": { \"X-Key\": \"${env:" + UNSET + "}\" } } ] }");

        assertThat(run("--config", config.toString(), "doctor")).isEqualTo(2);
        assertThat(stdout())
                .contains("FAIL  env      " + UNSET + " is not set (egress headers): export it where Paddock runs, "
                        + "and give it to MCP clients in \"env\" (below)")
                .containsPattern("FAIL  grants   paddock.json:\\d+:\\d+: egress.rules\\[0]\\.headers\\.X-Key: environment variable "
                        + UNSET + " is not set")
                .contains("2 checks failed (FAIL above): fix and run `paddock doctor --config " + config + "` again.");
        assertThat(clientEntries(stdout()).get("Cursor").path("mcpServers").path("paddock").path("env").has(UNSET)).isTrue();
    }

    @Test
    void httpTokensAreCheckedButStayOutOfTheStdioClientEntries() throws Exception {
        Path config = validConfig("\"profiles\": { \"team-a\": {} }, "
                + "\"http\": { \"tokens\": { \"${env:" + UNSET + "}\": \"team-a\", \"${env:" + SET + "}\": \"nobody\" } }");

        assertThat(run("--config", config.toString(), "doctor")).isEqualTo(2);
        assertThat(stdout())
                .contains("FAIL  env      " + UNSET + " is not set (http tokens, serve --http only)")
                .containsPattern("FAIL  http     paddock.json:\\d+:\\d+: http.tokens.\\$\\{env:" + SET + "}: must name a profile; "
                        + "defined profiles: default, team-a")
                .contains("ok    grants   default: files; no fetch\n               team-a: no capabilities; no fetch");
        assertThat(clientEntries(stdout()).get("Cursor").path("mcpServers").path("paddock").path("env").isEmpty()).isTrue();
    }

    @Test
    void anInvalidConfigFailsWithEveryMistakeAndNoClientEntries() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), """
                { "limits": { "wallTimeMs": true },
                  "capabilites": {} }
                """);

        assertThat(run("--config", config.toString(), "doctor")).isEqualTo(2);
        assertThat(stdout())
                .contains("FAIL  config   paddock.json:1:29: limits.wallTimeMs must be a positive integer (milliseconds)\n"
                        + "               paddock.json:2:3: unknown key \"capabilites\" at the top level")
                .contains("ok    grants   default: no capabilities") // the rest of the file is checked too
                .doesNotContain("MCP client entries");
        assertThat(clientEntries(stdout())).isEmpty();
    }

    @Test
    void aMissingFilesRootFailsTheGrantsCheckAtItsLine() throws Exception {
        Path config = Files.writeString(dir.resolve("paddock.json"), "{\n  \"capabilities\": { \"files\": { \"root\": \"gone\" } }\n}\n");

        assertThat(run("--config", config.toString(), "doctor")).isEqualTo(2);
        assertThat(stdout()).containsPattern("FAIL  grants   paddock.json:2:\\d+: capabilities.files.root: .*gone");
    }

    /** A config granting files on an existing folder, plus {@code more} top-level keys. */
    private Path validConfig(String more) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        return Files.writeString(dir.resolve("paddock.json"),
                "{ \"capabilities\": { \"files\": { \"root\": \"data\" } },\n  " + more + " }\n");
    }

    /** The JSON printed after "CLIENT, in FILE:", by client. */
    private static Map<String, JsonNode> clientEntries(String report) {
        Map<String, JsonNode> entries = new TreeMap<>();
        List<String> lines = report.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("{")) continue;
            String client = lines.get(i - 1).substring(0, lines.get(i - 1).indexOf(", in "));
            StringBuilder json = new StringBuilder();
            while (!lines.get(i).equals("}")) json.append(lines.get(i++)).append('\n');
            entries.put(client, JsonMapper.shared().readTree(json + "}"));
        }
        return entries;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }
}
