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

    @Test
    void ignoresCaseAndHidesPiecesOfEightOrMoreAndShorterOnesNextToTheValuesPrefix() {
        assertThat(redaction.text("x-bearer-TOK-1234567890: 1")).isEqualTo("x-bearer-[redacted]: 1");
        assertThat(redaction.text("key tok-1234… and …34567890")).isEqualTo("key [redacted]… and …[redacted]");
        assertThat(redaction.text("Bearer tok-")).isEqualTo("Bearer [redacted]");
        // Four characters without their prefix are indistinguishable from ordinary text: Range is refused instead.
        assertThat(redaction.text("1234 and Bearer t")).isEqualTo("1234 and Bearer t");
    }

    @Test
    void aBodyWithoutSecretsIsReturnedAsItWas() {
        byte[] big = new byte[1 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(redaction.bytes(big)).isSameAs(big);
    }
}
