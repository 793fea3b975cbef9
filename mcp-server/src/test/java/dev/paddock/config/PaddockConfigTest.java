package dev.paddock.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaddockConfigTest {
    @TempDir
    Path dir;

    private PaddockConfig load(String json) throws Exception {
        Path file = dir.resolve("paddock.json");
        Files.writeString(file, json);
        return PaddockConfig.load(file);
    }

    @Test
    void limitsOverrideTheDefaultsOneByOne() throws Exception {
        PaddockConfig config = load("""
                {"limits": {"wallTimeMs": 5000, "maxLogLines": 20}}""");

        assertThat(config.limits().wallTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.limits().maxLogLines()).isEqualTo(20);
        assertThat(config.limits().cpuTime()).isEqualTo(Limits.DEFAULTS.cpuTime());
        assertThat(config.limits().maxResultBytes()).isEqualTo(Limits.DEFAULTS.maxResultBytes());
    }

    @Test
    void aProfileInheritsWhatItDoesNotSetButGrantsOnlyItsOwnCapabilities() throws Exception {
        PaddockConfig config = load("""
                {"limits": {"wallTimeMs": 5000, "maxLogLines": 20}, "exposeAsTools": true,
                 "capabilities": {"state": {}},
                 "egress": {"rules": [{"url": "https://api.example.com/*"}]},
                 "profiles": {"team-a": {"capabilities": {"files": {"root": "."}}},
                              "team-b": {"limits": {"maxLogLines": 5}, "exposeAsTools": false, "egress": {"rules": []}}}}""");

        Profile a = config.profiles().get("team-a");
        assertThat(a.limits().wallTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.limits().maxLogLines()).isEqualTo(20);
        assertThat(a.exposeAsTools()).isTrue();
        assertThat(a.egress().path("rules").size()).isEqualTo(1);
        assertThat(a.capabilities()).containsOnlyKeys("files");

        Profile b = config.profiles().get("team-b");
        assertThat(b.limits().wallTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.limits().maxLogLines()).isEqualTo(5);
        assertThat(b.exposeAsTools()).isFalse();
        assertThat(b.egress().path("rules").size()).isZero();
        assertThat(b.capabilities()).isEmpty();
    }

    @Test
    void theAllocationCeilingIsConfigurableAndSurvivesTheOtherLimits() throws Exception {
        PaddockConfig config = load("""
                {"limits": {"maxAllocatedBytes": 8589934592, "wallTimeMs": 5000}}""");

        assertThat(config.limits().maxAllocatedBytes()).isEqualTo(8L << 30);
        assertThat(config.limits().wallTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(load("{}").limits().maxAllocatedBytes()).isEqualTo(Limits.DEFAULT_MAX_ALLOCATED_BYTES);
    }

    @Test
    void theRetainedMemoryLimitIsConfigurable() throws Exception {
        PaddockConfig config = load("""
                {"limits": {"maxRetainedBytes": 1073741824, "maxLogLines": 20}}""");

        assertThat(config.limits().maxRetainedBytes()).isEqualTo(1L << 30);
        assertThat(config.limits().maxLogLines()).isEqualTo(20);
        assertThat(load("{}").limits().maxRetainedBytes()).isEqualTo(Limits.DEFAULT_MAX_RETAINED_BYTES);
    }

    @Test
    void theCodeSizeLimitIsConfigurable() throws Exception {
        assertThat(load("{\"limits\": {\"maxCodeBytes\": 65536}}").limits().maxCodeBytes()).isEqualTo(65536);
        assertThat(load("{}").limits().maxCodeBytes()).isEqualTo(Limits.DEFAULT_MAX_CODE_BYTES);
        assertThatThrownBy(() -> load("{\"limits\": {\"maxCodeBytes\": 100}}"))
                .hasMessage("paddock.json:1:29: limits.maxCodeBytes must be at least 1024 (bytes)");
    }

    @Test
    void theSandboxSectionSetsWhatAllSessionsShare() throws Exception {
        PaddockConfig config = load("""
                {"sandbox": {"threads": 3, "maxIsolates": 50, "heapPressure": 0.85, "warmContexts": 0}}""");

        assertThat(config.capacity()).isEqualTo(new Capacity(3, 50, 0.85, 0));
        assertThat(load("{}").capacity()).isEqualTo(Capacity.defaults());
    }

    @Test
    void badSandboxSettingsAreReportedWhereTheyAre() {
        assertThatThrownBy(() -> load("""
                {"sandbox": {
                  "heapPressure": 70
                }}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessage("paddock.json:2:19: sandbox.heapPressure must be a fraction of the heap between 0 and 1, e.g. 0.7");
        assertThatThrownBy(() -> load("""
                {"sandbox": {"threads": 0}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sandbox.threads must be a positive integer");
        assertThatThrownBy(() -> load("""
                {"sandbox": {"warmContexts": 65}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessage("paddock.json:1:30: sandbox.warmContexts must be an integer from 0 to 64 (contexts kept ready; 0 turns the pool off)");
        assertThatThrownBy(() -> load("""
                {"sandbox": {"warmContexts": -1}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sandbox.warmContexts must be an integer from 0 to 64");
        assertThatThrownBy(() -> load("""
                {"sandbox": {"maxIsolate": 10}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key \"maxIsolate\" in sandbox (known keys: threads, maxIsolates, heapPressure, warmContexts)");
        // A removed key explains itself when used, and is not offered as a known one.
        assertThatThrownBy(() -> load("""
                {"http": {"token": "x"}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key \"token\" in http")
                .message().doesNotContain("conformanceFixture");
        assertThatThrownBy(() -> load("""
                {"profiles": {"a": {"sandbox": {"threads": 2}}}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key \"sandbox\" in profiles.a");
    }

    @Test
    void anEmptyObjectMeansDefaults() throws Exception {
        assertThat(load("{}").limits()).isEqualTo(Limits.DEFAULTS);
    }

    @Test
    void aWrongTypeIsReportedAtTheValueWithItsPath() {
        assertThatThrownBy(() -> load("""
                {
                  "limits": {
                    "wallTimeMs": "30s"
                  }
                }"""))
                .isInstanceOf(ConfigException.class)
                .hasMessage("paddock.json:3:19: limits.wallTimeMs must be a positive integer (milliseconds)");
    }

    @Test
    void zeroAndNegativeNumbersAreRejected() {
        assertThatThrownBy(() -> load("{\"limits\": {\"maxLogLines\": 0}}"))
                .hasMessage("paddock.json:1:28: limits.maxLogLines must be a positive integer (lines)");
        assertThatThrownBy(() -> load("{\"limits\": {\"cpuTimeMs\": -5}}"))
                .hasMessageContaining("limits.cpuTimeMs must be a positive integer (milliseconds)");
    }

    @Test
    void theLimitsOwnRulesAreReportedWhereTheyBreak() {
        assertThatThrownBy(() -> load("{\"limits\": {\"maxResultBytes\": 10}}"))
                .hasMessage("paddock.json:1:31: limits.maxResultBytes must be at least 1024 (bytes)");
    }

    @Test
    void unknownKeysAreErrorsSoTyposDoNotSilentlyDropALimit() {
        assertThatThrownBy(() -> load("{\n  \"limits\": {\"walltimeMs\": 5}\n}"))
                .hasMessage("paddock.json:2:14: unknown key \"walltimeMs\" in limits "
                        + "(known keys: wallTimeMs, cpuTimeMs, maxResultBytes, maxLogBytes, maxLogLines, maxAllocatedBytes, maxRetainedBytes, "
                        + "maxCodeBytes)");
        assertThatThrownBy(() -> load("{\"limit\": {}}"))
                .hasMessage("paddock.json:1:2: unknown key \"limit\" at the top level (known keys: $schema, limits, capabilities, exposeAsTools, egress, mcpServers, plugins, profiles, http, logging, sandbox)");
    }

    @Test
    void everyMistakeIsReportedInOneRunInFileOrder() {
        assertThatThrownBy(() -> load("""
                {"sandbox": {"threads": 0},
                 "limits": {"wallTimeMs": "30s", "maxLogLine": 5},
                 "profiles": {"a b": {}, "default": {}}}"""))
                .hasMessage(String.join("\n",
                        "paddock.json:1:25: sandbox.threads must be a positive integer (executions running at once)",
                        "paddock.json:2:27: limits.wallTimeMs must be a positive integer (milliseconds)",
                        "paddock.json:2:34: unknown key \"maxLogLine\" in limits (known keys: wallTimeMs, cpuTimeMs, "
                                + "maxResultBytes, maxLogBytes, maxLogLines, maxAllocatedBytes, maxRetainedBytes, maxCodeBytes)",
                        "paddock.json:3:15: \"a b\" in profiles is not a valid profile name: use 1-64 letters, digits, "
                                + "\"-\" or \"_\"; \"default\" is the top level of paddock.json, put its settings there",
                        "paddock.json:3:26: \"default\" in profiles is not a valid profile name: use 1-64 letters, digits, "
                                + "\"-\" or \"_\"; \"default\" is the top level of paddock.json, put its settings there"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"egress\": {\"rules\": [{}]}} | paddock.json:1:23: egress.rules[0].url is required (scheme://host[:port]/path; host exact or *.example.com; path ending in * is a prefix.)",
            "{\"egress\": {\"rules\": [{\"url\": 1}]}} | paddock.json:1:31: egress.rules[0].url must be a URL such as \"https://api.example.com/v1/*\"",
            "{\"egress\": {\"rules\": [{\"url\": \"https://a.com/\", \"methods\": [\"FETCH\"]}]}} "
                    + "| paddock.json:1:61: egress.rules[0].methods[0] must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
            "{\"egress\": {\"rules\": [{\"url\": \"https://a.com/\", \"methods\": []}]}} "
                    + "| paddock.json:1:60: egress.rules[0].methods must be a non-empty array such as [\"GET\", \"POST\"]",
            "{\"egress\": {\"rules\": [{\"url\": \"https://a.com/\", \"header\": {}}]}} "
                    + "| paddock.json:1:49: unknown key \"header\" in egress.rules[0] (known keys: url, methods, headers, allowRanges)",
            "{\"egress\": {\"rules\": {}}} | paddock.json:1:22: egress.rules must be an array of rules",
            "{\"egress\": {\"timeoutMs\": -1}} | paddock.json:1:26: egress.timeoutMs must be a positive integer (milliseconds)",
            "{\"egress\": {\"maxRedirects\": 50}} | paddock.json:1:29: egress.maxRedirects must be an integer from 0 to 20",
            "{\"egress\": {\"maxConcurrentFetches\": 0}} | paddock.json:1:37: egress.maxConcurrentFetches must be an integer from 1 to 100000",
            "{\"egress\": {\"rules\": [{\"url\": \"https://a.com/\", \"allowRanges\": 1}]}} "
                    + "| paddock.json:1:64: egress.rules[0].allowRanges must be true or false",
            "{\"profiles\": {\"ci\": {\"egress\": []}}} | paddock.json:1:32: profiles.ci.egress must be an object like {\"rules\": [...]}",
            "{\"capabilities\": {\"files\": {}}} | paddock.json:1:28: capabilities.files.root is required (The folder, relative to paddock.json.)",
            "{\"capabilities\": {\"weather\": true}} | paddock.json:1:30: capabilities.weather must be an object of settings ({} for none)",
            "{\"plugins\": [\" \"]} | paddock.json:1:14: plugins[0] must be a jar path",
            "{\"http\": {\"instanceId\": \"a-b\"}} | paddock.json:1:25: http.instanceId must be 1-32 letters, digits or \"_\" (it prefixes session ids)",
            "{\"exposeAsTools\": \"yes\"} | paddock.json:1:19: exposeAsTools must be true or false",
            "{\"limits\": {\"maxLogLines\": 3000000000}} | paddock.json:1:28: limits.maxLogLines must be a positive integer (lines) no larger than 2147483647",
    })
    void theShapeOfEverySectionIsCheckedAgainstTheSchema(String json, String message) {
        assertThatThrownBy(() -> load(json)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThatThrownBy(() -> load("{\"limits\": {\"wallTimeMs\": 1, \"wallTimeMs\": 2}}"))
                .hasMessageStartingWith("paddock.json:1:30: limits.wallTimeMs appears twice");
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() {
        assertThatThrownBy(() -> load("{\n  \"limits\": {,}\n}"))
                .hasMessageStartingWith("paddock.json:2:14: invalid JSON:");
    }

    @Test
    void theConfigMustBeAnObject() {
        assertThatThrownBy(() -> load("[]")).hasMessage("paddock.json:1:1: the config must be a JSON object");
        assertThatThrownBy(() -> load("{\"limits\": 3}")).hasMessage("paddock.json:1:12: limits must be an object (got a number)");
    }

    @Test
    void aMissingFileSaysItCannotBeRead() {
        assertThatThrownBy(() -> PaddockConfig.load(dir.resolve("nope.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.json: cannot read the config file");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectory() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("project"));
        Files.writeString(nested.resolve("paddock.json"), "{}");

        PaddockConfig config = PaddockConfig.load(nested.resolve("paddock.json"));

        assertThat(config.resolve("data/in.csv")).isEqualTo(nested.resolve("data/in.csv").toAbsolutePath());
        assertThat(config.resolve("../shared")).isEqualTo(dir.resolve("shared").toAbsolutePath());
        assertThat(config.resolve("/abs/path")).isEqualTo(Path.of("/abs/path"));
    }

    @Test
    void theLoggingSectionSetsLevelFormatAndSingleLoggers() throws Exception {
        assertThat(load("{}").logging()).isEqualTo(LogSettings.DEFAULTS);
        assertThat(load("""
                {"logging": {"level": "warn", "format": "json", "loggers": {"paddock.audit": "debug"}}}""").logging())
                .isEqualTo(new LogSettings(LogSettings.Level.WARN, LogSettings.Format.JSON,
                        java.util.Map.of("paddock.audit", LogSettings.Level.DEBUG)));
    }

    @Test
    void badLoggingValuesAreLocatedAndSayWhatIsAllowed() {
        assertThatThrownBy(() -> load("""
                {"logging": {"level": "loud",
                             "format": "xml", "loggers": {"paddock.audit": "verbose"}, "file": "x.log"}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "paddock.json:1:23: logging.level must be one of error, warn, info, debug, trace, off",
                        "paddock.json:2:24: logging.format must be \"text\" or \"json\"",
                        "paddock.json:2:60: logging.loggers.paddock.audit must be one of error, warn, info, debug, trace, off",
                        "paddock.json:2:72: unknown key \"file\" in logging (known keys: level, format, loggers)"));
        assertThatThrownBy(() -> load("{\"profiles\": {\"a\": {\"logging\": {}}}}"))
                .hasMessageContaining("unknown key \"logging\" in profiles.a");
    }
}
