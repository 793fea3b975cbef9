package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TypeScript runs after the real compiler strips its types, and errors still point at the TypeScript. */
class TypeScriptTest {

    @Test
    void typedDeclarationsRun() {
        assertThat(value(run("const x: number = 1; x + 1")).asInt()).isEqualTo(2);
    }

    @Test
    void typedAsyncArrowRuns() {
        assertThat(value(run("async (): Promise<number> => 6*7")).asInt()).isEqualTo(42);
    }

    @Test
    void interfacesTypeAliasesAndGenericsAreStripped() {
        String code = """
                interface Point { x: number; y: number }
                type Pair<T> = [T, T];
                function sum<T extends Point>(ps: T[]): number { return ps.reduce((a, p) => a + p.x + p.y, 0) }
                const pair: Pair<Point> = [{x: 1, y: 2}, {x: 3, y: 4}];
                sum(pair) as number
                """;
        assertThat(value(run(code)).asInt()).isEqualTo(10);
    }

    @Test
    void runtimeErrorsMapBackToTheTypeScriptLine() {
        String code = "interface A { a: number }\nconst value: A | null = null as any;\n\n  const n: number = value!.a;\nn";
        ExecutionResult r = run(code);
        assertThat(error(r).name()).isEqualTo("TypeError");
        assertThat(error(r).line()).isEqualTo(4);
        assertThat(error(r).sourceLine()).isEqualTo("  const n: number = value!.a;");
        assertThat(error(r).column()).isBetween(21, 27);
    }

    @Test
    void typeScriptSyntaxErrorsPointAtTheTypeScript() {
        ExecutionResult r = run("const a: number = 1;\nconst b: string = ;\nb");
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).line()).isEqualTo(2);
        assertThat(error(r).column()).isEqualTo(19);
    }

    @Test
    void fencedTypeScriptKeepsLineNumbers() {
        ExecutionResult r = run("```ts\nconst a: number = 1;\nthrow new Error('at ' + a)\n```");
        assertThat(error(r).message()).isEqualTo("at 1");
        assertThat(error(r).line()).isEqualTo(3);
    }
}
