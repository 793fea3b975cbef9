package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxSmokeTest {
    @Test
    void smoke() {
        for (String code : new String[] {"async () => 6 * 7", "6*7", "const x = 1; x + 1", "return 5", "const x: number = 1; x + 1",
                "null.x", "a b", "console.log({a: 1, b: [1, 2]}, 'hi'); return new Map([[1, 2]])", "await new Promise(() => {})",
                "await new Promise(r => setTimeout(() => r(7), 10))", "let a = 1;\nlet b: string = 2;\nnull.foo"}) {
            ExecutionResult r = run(code);
            System.out.println(code + "\n   => " + r);
        }
        assertThat(run("6*7").result().asInt()).isEqualTo(42);
    }
}
