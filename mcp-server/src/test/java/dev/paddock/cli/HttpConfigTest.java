package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http section of paddock.json: tokens from the environment, profiles, limits, located errors. */
class HttpConfigTest {
    @TempDir
    Path dir;

    private HttpConfig read(String json, Map<String, String> env) throws Exception {
        Path file = dir.resolve("paddock.json");
        Files.writeString(file, json);
        return HttpConfig.read(PaddockConfig.load(file), "127.0.0.1", 0, false, env::get);
    }

    @Test
    void tokensComeFromTheEnvironmentOrLiterallyAndNameProfiles() throws Exception {
        var config = read("""
                {"profiles": {"team-a": {}},
                 "http": {"tokens": {"${env:TEAM_A_TOKEN}": "team-a", "a-literal-token-123": "default"},
                          "maxConcurrentPerToken": 8, "maxQueueMs": 1500, "instanceId": "east_1",
                          "headerTimeoutMs": 2000, "bodyTimeoutMs": 3000, "maxConnectionsPerAddress": 16,
                          "maxSessionsPerToken": 12, "maxStreamBufferBytes": 65536}}""",
                Map.of("TEAM_A_TOKEN", "secret-from-the-environment"));
        assertThat(config.settings().tokens()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "secret-from-the-environment", "team-a", "a-literal-token-123", "default"));
        assertThat(config.settings().maxConcurrentPerToken()).isEqualTo(8);
        assertThat(config.settings().instanceId()).isEqualTo("east_1");
        assertThat(config.maxQueue()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.settings().headerTimeout()).isEqualTo(Duration.ofMillis(2000));
        assertThat(config.settings().bodyTimeout()).isEqualTo(Duration.ofMillis(3000));
        assertThat(config.settings().maxConnectionsPerAddress()).isEqualTo(16);
        assertThat(config.settings().maxSessionsPerToken()).isEqualTo(12);
        assertThat(config.settings().maxStreamBufferBytes()).isEqualTo(65536);
    }

    @Test
    void aMissingEnvironmentVariableIsALocatedError() {
        assertThatThrownBy(() -> read("""
                {"http": {
                  "tokens": {"${env:NOT_SET_ANYWHERE}": "default"}}}""", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("paddock.json:2:")
                .hasMessageContaining("environment variable NOT_SET_ANYWHERE is not set");
    }

    @Test
    void aTokenMustNameADefinedProfile() {
        assertThatThrownBy(() -> read("""
                {"http": {"tokens": {"a-literal-token-123": "team-z"}}}""", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must name a profile; defined profiles: default");
    }

    @Test
    void unknownKeysAndBadValuesAreRefused() {
        assertThatThrownBy(() -> read("{\"http\": {\"maxBodyByte\": 5}}", Map.of()))
                .hasMessageContaining("unknown key \"maxBodyByte\" in http (known keys: tokens, allowedHosts,");
        assertThatThrownBy(() -> read("{\"http\": {\"idleTimeoutMs\": -1}}", Map.of()))
                .hasMessageContaining("http.idleTimeoutMs must be a positive integer (milliseconds)");
        assertThatThrownBy(() -> read("{\"http\": {\"tokens\": {\"short\": \"default\"}}}", Map.of()))
                .hasMessageContaining("at least 16 characters");
    }

    @Test
    void theRemovedConformanceFixtureKeySaysToLoadThePluginInstead() {
        assertThatThrownBy(() -> read("{\"http\": {\"conformanceFixture\": true}}", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.conformanceFixture")
                .hasMessageContaining("paddock-conformance-fixture.jar");
    }

    @Test
    void noSectionMeansLoopbackDefaults() throws Exception {
        var config = read("{}", Map.of());
        assertThat(config.settings().tokens()).isEmpty();
        assertThat(config.settings().maxConcurrentPerToken()).isGreaterThanOrEqualTo(200);
        assertThat(config.maxQueue()).isEqualTo(HttpConfig.DEFAULT_MAX_QUEUE);
    }

    /** The defaults editors show from paddock.schema.json are the ones the server uses. */
    @Test
    void theSchemasDefaultsAreTheServers() throws Exception {
        var config = read("{}", Map.of());
        var http = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(HttpConfigTest.class.getResourceAsStream("/paddock.schema.json"))
                .path("properties").path("http").path("properties");
        assertThat(http.path("maxBodyBytes").path("default").asLong()).isEqualTo(config.settings().maxBodyBytes());
        assertThat(http.path("idleTimeoutMs").path("default").asLong()).isEqualTo(config.settings().idleTimeout().toMillis());
        assertThat(http.path("maxConcurrentPerToken").path("default").asInt()).isEqualTo(config.settings().maxConcurrentPerToken());
        assertThat(http.path("shutdownGraceMs").path("default").asLong()).isEqualTo(config.settings().shutdownGrace().toMillis());
        assertThat(http.path("maxQueueMs").path("default").asLong()).isEqualTo(config.maxQueue().toMillis());
        assertThat(http.path("headerTimeoutMs").path("default").asLong()).isEqualTo(config.settings().headerTimeout().toMillis());
        assertThat(http.path("bodyTimeoutMs").path("default").asLong()).isEqualTo(config.settings().bodyTimeout().toMillis());
        assertThat(http.path("maxConnectionsPerAddress").path("default").asInt())
                .isEqualTo(config.settings().maxConnectionsPerAddress());
    }
}
