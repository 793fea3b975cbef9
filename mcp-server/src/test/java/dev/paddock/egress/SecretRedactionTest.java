package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    private final SecretRedaction redaction = new SecretRedaction(Set.of("Bearer tok-1234567890", "v2"));

    @Test
    void hidesWholeValuesAndTheirTokensButNotShortValues() {
        assertThat(redaction.text("authorization: Bearer tok-1234567890; again tok-1234567890 v2"))
                .isEqualTo("authorization: [redacted]; again [redacted] v2");
    }

    @Test
    void hidesSecretsInsideBinaryBodies() {
        byte[] body = "{\"auth\":\"Bearer tok-1234567890\"}\u0000tok-1234567890".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(redaction.bytes(body), StandardCharsets.UTF_8)).isEqualTo("{\"auth\":\"[redacted]\"}\u0000[redacted]");
        byte[] clean = {1, 2, 3};
        assertThat(redaction.bytes(clean)).isSameAs(clean);
    }
}
