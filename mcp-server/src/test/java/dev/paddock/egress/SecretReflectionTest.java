package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An allowed endpoint that reflects what it receives, trying to hand an injected secret back to the code. */
class SecretReflectionTest {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String SECRET = "sk-Live-4f9a8b7c6d5e";
    private static final CallContext NO_CLIENT = CallContext.withoutClient("default", Instant.MAX, new CompletableFuture<>());
    private static TestServer server;
    private static CapabilitySet egress;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String base = "http://127.0.0.1:" + server.port();
        EgressPolicy policy = EgressPolicy.fromConfig(JSON.readTree("""
                {"rules": [
                  {"url": "%1$s/secret/*", "headers": {"Authorization": "Bearer ${env:TOKEN}"}},
                  {"url": "%1$s/ranged/*", "headers": {"Authorization": "Bearer ${env:TOKEN}"}, "allowRanges": true},
                  {"url": "%1$s/plain/*"}
                ]}""".formatted(base)), "egress", Map.of("TOKEN", SECRET)::get);
        egress = CapabilitySet.bind(List.of(EgressGrant.of(policy).newSession()), ForkJoinPool.commonPool());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSecretReflectedIntoAResponseHeaderNameIsHiddenWhateverItsCase() throws Exception {
        JsonNode response = fetch("/secret/reflect", List.of());

        assertThat(response.get("headers").toString()).contains("[\"x-bearer-[redacted]\",\"1\"]");
        assertThat(body(response)).contains("Authorization: [redacted]\n");
        assertNoPieceOfTheSecret(response.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Range", "range", "If-Range", "A-IM"})
    void aRuleInjectingCredentialsRefusesPartialResponsesBeforeAnyRequest(String header) {
        server.seen.clear();
        assertThatThrownBy(() -> fetch("/secret/reflect", List.of(List.of(header, "bytes=0-3"))))
                .cause().isInstanceOfSatisfying(CapabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo("EGRESS_DENIED");
                    assertThat(e.getMessage()).contains("may not send the " + header + " header")
                            .contains("\"allowRanges\": true");
                });
        assertThat(server.seen).isEmpty();
    }

    @Test
    void rangesStayAvailableWhereNoCredentialIsInjected() throws Exception {
        JsonNode response = fetch("/plain/reflect", List.of(List.of("Range", "bytes=0-3")));
        assertThat(response.get("status").intValue()).isEqualTo(206);
        assertThat(body(response)).hasSize(4);
    }

    @Test
    void whereARuleAllowsRangesSlicesOfEightOrMoreAndSlicesNextToTheValuesPrefixAreHidden() throws Exception {
        String whole = body(fetch("/ranged/reflect", List.of()));
        int value = whole.indexOf("Authorization: ") + "Authorization: ".length();
        int token = value + "Bearer ".length();

        assertThat(body(fetch("/ranged/reflect", range(token + 3, token + 10)))).isEqualTo("[redacted]");
        assertThat(body(fetch("/ranged/reflect", range(value, value + 10)))).isEqualTo("Bearer [redacted]");
        assertThat(body(fetch("/ranged/reflect", range(token + SECRET.length() - 8, token + SECRET.length()))))
                .isEqualTo("[redacted]\n");
    }

    private static List<List<String>> range(int from, int to) {
        return List.of(List.of("Range", "bytes=" + from + "-" + to));
    }

    private static void assertNoPieceOfTheSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String secret = SECRET.toLowerCase(Locale.ROOT);
        for (int i = 0; i + SecretRedaction.MIN_LENGTH <= secret.length(); i++) {
            assertThat(lower).doesNotContain(secret.substring(i, i + SecretRedaction.MIN_LENGTH));
        }
    }

    private static String body(JsonNode response) {
        return new String(Base64.getDecoder().decode(response.get("body").stringValue()), StandardCharsets.UTF_8);
    }

    private static JsonNode fetch(String path, List<List<String>> headers) throws Exception {
        var request = JSON.createObjectNode().put("url", server.url(path));
        request.set("headers", JSON.valueToTree(headers));
        return egress.call(EgressCapability.NAMESPACE, "fetch", JSON.createArrayNode().add(request), NO_CLIENT)
                .get(10, TimeUnit.SECONDS);
    }
}
