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

/** A config with several mistakes is refused once, naming all of them, whatever the command. */
class ConfigProblemsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String config, String... args) throws Exception {
        Path file = Files.writeString(dir.resolve("paddock.json"), config);
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return PaddockCommand.run(all, new ByteArrayInputStream("return 1".getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyShapeMistakeIsReportedInOneRun() throws Exception {
        assertThat(run("""
                {"limits": {"wallTimeMs": -1},
                 "sandbox": {"thread": 4},
                 "http": {"token": "x"},
                 "egress": {"rules": [{"url": 5}]}}""", "exec", "-")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly(
                "paddock: paddock.json:1:27: limits.wallTimeMs must be a positive integer (milliseconds)",
                "paddock: paddock.json:2:14: unknown key \"thread\" in sandbox (known keys: threads, maxIsolates, heapPressure, warmContexts)",
                "paddock: paddock.json:3:11: unknown key \"token\" in http (known keys: tokens, allowedHosts, allowedOrigins, "
                        + "maxBodyBytes, idleTimeoutMs, maxConcurrentPerToken, instanceId, shutdownGraceMs, maxQueueMs, "
                        + "headerTimeoutMs, bodyTimeoutMs, maxConnectionsPerAddress, maxSessionsPerToken, maxStreamBufferBytes)",
                "paddock: paddock.json:4:31: egress.rules[0].url must be a URL such as \"https://api.example.com/v1/*\"");
        assertThat(out.size()).isZero();
    }

    @Test
    void everyMistakeTheSchemaCannotSeeIsReportedInOneRunToo() throws Exception {
        assertThat(run("""
                {"capabilities": {"weather": {}, "files": {"root": "no-such-folder"}},
                 "egress": {"rules": [{"url": "ftp://a.com/"},
                                      {"url": "https://b.com/*", "headers": {"X-Key": "${env:PADDOCK_TEST_SURELY_UNSET}"}}]},
                 "profiles": {"ci": {"capabilities": {"nope": {}}}},
                 "http": {"tokens": {"a-literal-token-123": "team-z", "short": "ci"}}}""", "exec", "-")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly(
                "paddock: paddock.json:1:30: capabilities.weather: no capability named \"weather\"; available: files, state "
                        + "(plugins add more: see \"plugins\")",
                "paddock: paddock.json:1:52: capabilities.files.root: folder " + dir.resolve("no-such-folder")
                        + " does not exist",
                "paddock: paddock.json:2:31: egress.rules[0].url: fetch supports only http: and https: URLs, not ftp: (ftp://a.com/)",
                "paddock: paddock.json:3:71: egress.rules[1].headers.X-Key: environment variable PADDOCK_TEST_SURELY_UNSET is not set",
                "paddock: paddock.json:4:47: profiles.ci.capabilities.nope: no capability named \"nope\"; available: files, "
                        + "state (plugins add more: see \"plugins\")",
                "paddock: paddock.json:5:45: http.tokens.a-literal-token-123: must name a profile; defined profiles: ci, default",
                "paddock: paddock.json:5:64: http.tokens.short: a bearer token must be at least 16 characters long");
    }

    @Test
    void stdioServeRefusesABadHttpSectionButNotAnUnsetTokenVariableOnlyHttpReads() throws Exception {
        assertThat(run("{\"http\": {\"tokens\": {\"a-literal-token-123\": \"team-z\"}}}", "serve")).isEqualTo(2);
        assertThat(stderr()).contains("http.tokens.a-literal-token-123: must name a profile");

        err.reset();
        assertThat(run("{\"http\": {\"tokens\": {\"${env:PADDOCK_TEST_SURELY_UNSET}\": \"default\"}}}", "exec", "-")).isZero();
        assertThat(stderr()).doesNotContain("PADDOCK_TEST_SURELY_UNSET");
    }

    @Test
    void anUnsetVariableUnderAnMcpClientSaysToPutItInTheClientsEnv() throws Exception {
        assertThat(run("""
                {"egress": {"rules": [{"url": "https://a.com/*",
                  "headers": {"Authorization": "Bearer ${env:PADDOCK_TEST_SURELY_UNSET}"}}]}}""", "serve")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("paddock: paddock.json:2:32: egress.rules[0].headers.Authorization: environment "
                + "variable PADDOCK_TEST_SURELY_UNSET is not set; MCP clients pass only a few variables to servers they "
                + "start: add \"env\": {\"PADDOCK_TEST_SURELY_UNSET\": \"…\"} to this server's entry in your client's config "
                + "(claude_desktop_config.json, .cursor/mcp.json, .vscode/mcp.json)" + System.lineSeparator());
    }

    @Test
    void shapeMistakesAndTheMistakesFoundAfterTheSchemaComeInOneRunInFileOrder() throws Exception {
        // profiles.ci's second rule is not checked: the schema rejected the first, so that array is left out whole
        // rather than checked with shifted indexes, and nothing is said about it that the schema has not said
        assertThat(run("""
                {"limits": {"timeoutMs": "5s"},
                 "capabilities": {"weather": {}},
                 "egress": {"rules": [{"url": "ftp://a.com/"}]},
                 "profiles": {"ci": {"limits": {"wallTimeMs": "fast"}, "capabilities": {"nope": {}},
                                     "egress": {"rules": [{"url": "https://b.com/*", "methods": 7}, {"url": "ftp://c.com/"}]}}},
                 "http": {"tokens": {"short": "ci"}, "maxBodyBytes": -5}}""", "exec", "-")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly(
                "paddock: paddock.json:1:13: unknown key \"timeoutMs\" in limits (known keys: wallTimeMs, cpuTimeMs, "
                        + "maxResultBytes, maxLogBytes, maxLogLines, maxAllocatedBytes, maxRetainedBytes, maxCodeBytes)",
                "paddock: paddock.json:2:30: capabilities.weather: no capability named \"weather\"; available: files, state "
                        + "(plugins add more: see \"plugins\")",
                "paddock: paddock.json:3:31: egress.rules[0].url: fetch supports only http: and https: URLs, not ftp: (ftp://a.com/)",
                "paddock: paddock.json:4:47: profiles.ci.limits.wallTimeMs must be a positive integer (milliseconds)",
                "paddock: paddock.json:4:81: profiles.ci.capabilities.nope: no capability named \"nope\"; available: files, "
                        + "state (plugins add more: see \"plugins\")",
                "paddock: paddock.json:5:81: profiles.ci.egress.rules[0].methods must be a non-empty array such as [\"GET\", \"POST\"]",
                "paddock: paddock.json:6:31: http.tokens.short: a bearer token must be at least 16 characters long",
                "paddock: paddock.json:6:54: http.maxBodyBytes must be a positive integer (bytes)");
        assertThat(out.size()).isZero();
    }

    @Test
    void doctorListsTheMistakesFoundAfterTheSchemaBesideTheShapeMistakes() throws Exception {
        assertThat(run("""
                {"limits": {"wallTimeMs": 0},
                 "capabilities": {"weather": {}}}""", "doctor")).isEqualTo(2);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("paddock.json:1:27: limits.wallTimeMs must be a positive integer")
                .contains("paddock.json:2:30: capabilities.weather: no capability named \"weather\"");
    }
}
