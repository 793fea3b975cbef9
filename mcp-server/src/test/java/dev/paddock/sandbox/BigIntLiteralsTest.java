package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BigInt literals that would make one operation run for seconds inside the engine are refused before the
 * code runs, wherever they sit; ordinary BigInt code runs.
 */
class BigIntLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "return `${3n ** 60000000n}`.length",
        "let a = 1n; return a++ / 3n ** 60000000n / 1n",
        "return 1n << (2000000n)",
        "let x = 2n; x <<= 0x1000000n; return x > 0n",
        "return eval('3n ** 60000000n')",
    })
    void aHugeExponentOrShiftIsRefusedBeforeItRuns(String code) {
        ExecutionError e = error(run(code));
        assertThat(e.name()).isEqualTo("RangeError");
        assertThat(e.message()).contains("BigInt literal").contains("refused before the code runs");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void theErrorPointsAtTheLiteralInTheAgentsCode() {
        ExecutionError e = error(run("```js\nconst a = 1n;\nreturn a + 3n ** 20000n\n```"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(18);
        assertThat(e.sourceLine()).isEqualTo("return a + 3n ** 20000n");
        assertThat(e.message()).startsWith("the BigInt literal 20000n as the exponent of ** is more than the 10000 allowed");
    }

    @Test
    void ordinaryBigIntCodeRuns() {
        assertThat(value(run("return String((2n ** 64n - 1n) * (1n << 64n) / 0xffn + 3n ** 10000n % 7n)")).asString())
                .isEqualTo(((java.math.BigInteger.TWO.pow(64).subtract(java.math.BigInteger.ONE)).multiply(java.math.BigInteger.TWO.pow(64))
                        .divide(java.math.BigInteger.valueOf(255)).add(java.math.BigInteger.valueOf(3).pow(10000).mod(java.math.BigInteger.valueOf(7)))).toString());
    }
}
