package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shapes of code agents write all run, and give the value the agent meant. */
class CodeShapesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "async () => 6 * 7",
        "async () => { return 6 * 7 }",
        "async () => { return 6 * 7 };",
        "// why\nasync () => {\n  return 6 * 7;\n};\n",
        "async (): Promise<number> => {\n  type T = number;\n  const a: T = 6;\n  return a * 7;\n};",
        "6*7;;",
        "const a = 6;\nasync () => a * 7",
        "() => 6 * 7",
        "async function main() { return 6 * 7 }",
        "function () { return 6 * 7 }",
        "6*7",
        "6*7;",
        "return 6 * 7",
        "const a = 6;\nreturn a * 7",
        "const a = await Promise.resolve(6); a * 7",
        "const x = 41; x + 1",
        "export default async () => 42",
        "export default 42",
        "export const a = 6;\na * 7",
        "export const a = 6;\nexport default async function () { return a * 7 }",
        "```js\nasync () => 42\n```",
        "```\n6 * 7\n```",
        "```typescript\nconst x: number = 42;\nx\n```",
        "const xs = [1, 2, 3]\nxs\n  .map(x => x * 7)\n  .filter(x => x > 5)\n  .reduce((a, b) => a + b)",
        "let s = 0\nfor (let i = 0; i < 4; i++) { s += i }\ns + 36",
        "const o = { a: 42 }\no.a",
        "// a comment\n42 // trailing",
        "const t = `${6 *\n7}`; Number(t)",
        "const r = /[;}]/g; 'a;b}'.replace(r, '').length + 40",
        "if (true) { globalThis.__v = 42 }\n__v",
        "const f = () => 42; f()",
        "[6, 7].reduce((a, b) => a * b)",
        "const x = 1; [6, 7].reduce((a, b) => a * b)",
    })
    void returnsFortyTwo(String code) {
        ExecutionResult r = run(code);
        assertThat(r).as(code).isInstanceOf(ExecutionResult.Succeeded.class);
        assertThat(value(r).isNumber() ? value(r).asInt() : value(r).asString()).as(code).isIn(42, "42");
    }

    @Test
    void codeEndingInADeclarationReturnsNull() {
        ExecutionResult r = run("const x = 42");
        assertThat(r).isInstanceOf(ExecutionResult.Succeeded.class);
        assertThat(value(r).isNull()).isTrue();
    }

    @Test
    void aContinuationLineIsNotMistakenForTheLastStatement() {
        ExecutionResult r = run("let x = 40\nx = x +\n  2\nx");
        assertThat(value(r).asInt()).isEqualTo(42);
        ExecutionResult sum = run("const total = [1, 2]\n  .map(x => x * 21)\n  .reduce((a, b) => a + b)");
        assertThat(value(sum).isNull()).isTrue();
    }

    @Test
    void statementsAfterAnExpressionStillRun() {
        ExecutionResult r = run("globalThis.n = 1\nglobalThis.n += 41\nconsole.log('done')");
        assertThat(r.logs()).extracting(LogEntry::message).containsExactly("done");
    }
}
