package dev.paddock.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Schema shipped for editors accepts the configs we ship and rejects the mistakes the server rejects. */
class ConfigSchemaTest {
    private static final Schema SCHEMA = load();

    private static Schema load() {
        try (InputStream in = ConfigSchemaTest.class.getResourceAsStream("/paddock.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonMapper.shared().readTree(in));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theExampleConfigIsValid() throws Exception {
        Path example = Path.of("..", "examples", "csv", "paddock.json");
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree(Files.readString(example)))).isEmpty();
    }

    @Test
    void aFullConfigIsValid() {
        String config = """
                {"limits": {"wallTimeMs": 5000}, "capabilities": {"files": {"root": "data", "writable": true},
                 "state": {"persistDir": "state"}, "weather": {"units": "metric"}}, "exposeAsTools": true,
                 "egress": {"rules": [{"url": "https://api.example.com/v1/*", "methods": ["GET"],
                   "headers": {"Authorization": "Bearer ${env:TOKEN}"}}], "timeoutMs": 1000},
                 "plugins": ["plugins/weather.jar"], "profiles": {"team-a": {"capabilities": {"state": {}}}},
                 "http": {"tokens": {"${env:TEAM_A_TOKEN}": "team-a"}},
                 "sandbox": {"threads": 8, "maxIsolates": 200, "heapPressure": 0.8},
                 "logging": {"level": "warn", "format": "json", "loggers": {"paddock.audit": "debug"}}}""";
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree(config))).isEmpty();
    }

    @Test
    void misspeltKeysAndWrongTypesAreFlagged() {
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"limits\": {\"walltimeMs\": 5}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"capabilities\": {\"files\": {}}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"profiles\": {\"default\": {}}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"egress\": {\"rules\": [{\"url\": 1}]}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"sandbox\": {\"heapPressure\": 1.5}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"sandbox\": {\"thread\": 4}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"http\": {\"token\": \"x\"}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"http\": {\"maxBodyBytes\": \"4MB\"}}"))).isNotEmpty();
        assertThat(SCHEMA.validate(JsonMapper.shared().readTree("{\"logging\": {\"level\": \"loud\"}}"))).isNotEmpty();
    }

    /** Editors show the schema's descriptions and complete its keys: every http setting has both. */
    @Test
    void everyHttpSettingIsDescribedAndTyped() throws Exception {
        try (InputStream in = ConfigSchemaTest.class.getResourceAsStream("/paddock.schema.json")) {
            var http = JsonMapper.shared().readTree(in).path("properties").path("http");
            assertThat(http.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(http.path("properties").properties()).isNotEmpty().allSatisfy(key -> {
                assertThat(key.getValue().path("description").asString("")).as(key.getKey()).isNotBlank();
                if (!key.getValue().path("deprecated").asBoolean(false)) {
                    assertThat(key.getValue().path("type").asString("")).as(key.getKey()).isNotBlank();
                }
            });
        }
    }
}
