package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CapabilityException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;

class EgressPolicyTest {
    private static final Map<String, String> ENV = Map.of("EXAMPLE_TOKEN", "s3cr3t-token");

    static EgressPolicy policy(String json) {
        return EgressPolicy.fromConfig(new ObjectMapper().readTree(json), "egress", ENV::get);
    }

    private static final EgressPolicy EXAMPLE = policy("""
            {"rules": [
              {"url": "https://api.example.com/v1/*", "methods": ["GET", "POST"],
               "headers": {"Authorization": "Bearer ${env:EXAMPLE_TOKEN}"}},
              {"url": "https://*.example.org/*"},
              {"url": "http://127.0.0.1:8080/health", "methods": ["get"]}
            ]}""");

    private static String allowed(String method, String url) {
        return EXAMPLE.authorize(EgressUrl.parse(url), method).url();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,  https://api.example.com/v1/users,         https://api.example.com/v1/*",
            "POST, https://API.example.com:443/v1/users?x=1, https://api.example.com/v1/*",
            "GET,  https://a.example.org/anything,           https://*.example.org/*",
            "HEAD, https://a.b.example.org/,                 https://*.example.org/*",
            "GET,  http://127.0.0.1:8080/health,             http://127.0.0.1:8080/health",
            "GET,  http://2130706433:8080/health,            http://127.0.0.1:8080/health",
    })
    void grantsWhatARuleNames(String method, String url, String rule) {
        assertThat(allowed(method, url)).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    http://api.example.com/v1/users",
            "GET,    https://api.example.com:8443/v1/users",
            "GET,    https://api.example.com/v2/users",
            "GET,    https://api.example.com/v1",
            "GET,    https://api.example.com/v1/../admin",
            "GET,    https://api.example.com.evil.com/v1/x",
            "GET,    https://evilapi.example.com/v1/x",
            "GET,    https://example.org/",
            "GET,    https://a.example.org.evil.com/",
            "GET,    http://127.0.0.1:8080/health/more",
            "GET,    http://localhost:8080/health",
    })
    void deniesWhatNoRuleNames(String method, String url) {
        assertThatThrownBy(() -> allowed(method, url))
                .isInstanceOfSatisfying(CapabilityException.class, e -> assertThat(e.code()).isEqualTo("EGRESS_DENIED"))
                .hasMessageContaining("no egress rule matches. Allowed: GET, POST https://api.example.com/v1/*; "
                        + "GET, HEAD https://*.example.org/*; GET http://127.0.0.1:8080/health");
    }

    @Test
    void saysWhichMethodsAreGrantedWhenOnlyTheMethodIsWrong() {
        assertThatThrownBy(() -> allowed("DELETE", "https://api.example.com/v1/users/1"))
                .hasMessage("fetch to https://api.example.com/v1/users/1 is not allowed: method DELETE is not granted "
                        + "for this URL (granted: GET, POST). Allowed: GET, POST https://api.example.com/v1/*; "
                        + "GET, HEAD https://*.example.org/*; GET http://127.0.0.1:8080/health");
        assertThatThrownBy(() -> allowed("POST", "https://a.example.org/")).hasMessageContaining("(granted: GET, HEAD)");
    }

    @Test
    void deniesEverythingWithoutRules() {
        for (EgressPolicy none : new EgressPolicy[] {EgressPolicy.denyAll(), policy("{}"), policy("{\"rules\": []}"),
                EgressPolicy.fromConfig(null)}) {
            assertThatThrownBy(() -> none.authorize(EgressUrl.parse("http://x/"), "GET"))
                    .hasMessageStartingWith("fetch to http://x/ is not allowed: no egress is granted to this connection");
        }
    }

    @Test
    void resolvesEnvironmentVariablesAtLoadAndNeverShowsHeaderValues() {
        EgressRule rule = EXAMPLE.authorize(EgressUrl.parse("https://api.example.com/v1/x"), "GET");
        assertThat(rule.headers()).containsEntry("Authorization", "Bearer s3cr3t-token");
        assertThat(rule.toString()).contains("Authorization: [redacted]").doesNotContain("s3cr3t");
        assertThat(EXAMPLE.toString()).doesNotContain("s3cr3t");
        assertThat(EXAMPLE.grants()).containsExactly("GET, POST https://api.example.com/v1/*",
                "GET, HEAD https://*.example.org/*", "GET http://127.0.0.1:8080/health");
    }

    @Test
    void readsLimitsWithDefaults() {
        assertThat(EXAMPLE.limits()).isEqualTo(new EgressLimits(10_485_760, 10_485_760, 30_000, 5, 32, 64, 512));
        assertThat(policy("{\"maxResponseBytes\": 1000, \"timeoutMs\": 500, \"maxRedirects\": 0}").limits())
                .isEqualTo(new EgressLimits(1000, 10_485_760, 500, 0, 32, 64, 512));
        assertThat(policy("{\"maxConcurrentFetches\": 4, \"maxConcurrentFetchesPerSession\": 8, "
                + "\"maxConcurrentFetchesPerProcess\": 16}").limits())
                .isEqualTo(new EgressLimits(10_485_760, 10_485_760, 30_000, 5, 4, 8, 16));
    }

    @Test
    void errorsStartAtTheGivenPathForPerProfileSections() {
        assertThatThrownBy(() -> EgressPolicy.fromConfig(new ObjectMapper().readTree("{\"rules\": [{\"url\": \"ftp://a.com/\"}]}"),
                "profiles.ci.egress", ENV::get)).hasMessageStartingWith("profiles.ci.egress.rules[0].url: fetch supports only");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"rules\": [{\"url\": \"https://a.com/*\", \"headers\": {\"X-Key\": \"${env:MISSING}\"}}]} "
                    + "| egress.rules[0].headers.X-Key: environment variable MISSING is not set",
            "{\"rules\": [{\"url\": \"https://a.com/*\"}, {\"url\": \"ftp://a.com/\"}]} "
                    + "| egress.rules[1].url: fetch supports only http: and https: URLs",
            "{\"rules\": [{\"url\": \"https://a.com/*/x\"}]} | egress.rules[0].url: '*' is allowed only",
            "{\"rules\": [{\"url\": \"https://a.com/?q=1\"}]} | egress.rules[0].url: must not contain a query",
            "{\"rules\": [{\"url\": \"https://*.10.0.0.1/\"}]} | egress.rules[0].url: a *. wildcard needs a domain name",
            "{\"rules\": [{\"url\": \"https://a.com/\", \"headers\": {\"Host\": \"x\"}}]} | egress.rules[0].headers.Host: not a header a rule may set",
            "{\"rules\": [{\"url\": \"https://a.com/\", \"headers\": {\"X\": \"${vault:x}\"}}]} | egress.rules[0].headers.X: unknown placeholder",
    })
    /** What the schema cannot say; the shape of the section is checked by paddock.schema.json (PaddockConfigTest). */
    void configErrorsNameTheJsonPath(String json, String message) {
        assertThatThrownBy(() -> policy(json)).isInstanceOf(EgressConfigException.class).hasMessageStartingWith(message);
    }

    @Test
    void anEmptyVariableInAHeaderIsAnErrorNotAnEmptyCredential() {
        assertThatThrownBy(() -> EgressPolicy.fromConfig(new ObjectMapper().readTree(
                        "{\"rules\": [{\"url\": \"https://a.com/*\", \"headers\": {\"Authorization\": \"Bearer ${env:EMPTY}\"}}]}"),
                "egress", Map.of("EMPTY", "")::get))
                .isInstanceOf(EgressConfigException.class)
                .hasMessage("egress.rules[0].headers.Authorization: environment variable EMPTY is set but empty");
    }

    @Test
    void everyRuleAndHeaderMistakeIsReportedNotJustTheFirst() {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(EgressConfigException.class, () -> policy("""
                {"rules": [{"url": "ftp://a.com/"},
                           {"url": "https://b.com/*", "headers": {"Host": "x", "X-Key": "${env:MISSING}"}}]}"""));
        assertThat(thrown.getMessage()).startsWith("egress.rules[0].url: fetch supports only");
        assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly(
                "egress.rules[1].headers.Host: not a header a rule may set",
                "egress.rules[1].headers.X-Key: environment variable MISSING is not set");
    }
}
