package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which wrapper each shape of code gets, checked with the real parser. */
class CodeNormalizerTest {

    private static Context context;

    @BeforeAll
    static void parser() {
        context = SandboxTestSupport.SANDBOX.engine().newContext();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private static CodeNormalizer.Wrapped normalize(String body) {
        return CodeNormalizer.normalize(body, source -> {
            try {
                context.parse("js", source);
                return true;
            } catch (PolyglotException e) {
                return false;
            }
        });
    }

    @Test
    void aLoneExpressionIsReturnedAndCalledWhenItIsAFunction() {
        CodeNormalizer.Wrapped w = normalize("async () => 42");
        assertThat(w.source()).isEqualTo("(async () => { return (\nasync () => 42\n)})");
        assertThat(w.callIfFunction()).isTrue();
    }

    @Test
    void theLastExpressionStatementGetsAReturnThatPositionsUndo() {
        CodeNormalizer.Wrapped w = normalize("const x = 1;\nfoo(); x + 1");
        assertThat(w.source()).isEqualTo("(async () => {\nconst x = 1;\nfoo(); return x + 1\n})");
        // Should the last value be a function, it is called: a function has no JSON value to return.
        assertThat(w.callIfFunction()).isTrue();
        assertThat(w.toBody(3, 15)).containsExactly(2, 8); // the 'x' as the engine sees it, and as the agent wrote it
        assertThat(w.toBody(3, 1)).containsExactly(2, 1);
    }

    @Test
    void exportDefaultBecomesAReturnWithoutMovingColumns() {
        CodeNormalizer.Wrapped w = normalize("export const a = 1;\nexport default () => a");
        assertThat(w.source()).isEqualTo("(async () => {\n       const a = 1;\nreturn         () => a\n})");
        assertThat(w.callIfFunction()).isTrue();
    }

    @Test
    void aBodyEndingInAStatementIsWrappedAsIs() {
        CodeNormalizer.Wrapped w = normalize("const a = 1;\nif (a) { console.log(a) }");
        assertThat(w.source()).isEqualTo("(async () => {\nconst a = 1;\nif (a) { console.log(a) }\n})");
    }

    @Test
    void aTrailingFunctionDeclarationIsCalled() {
        CodeNormalizer.Wrapped w = normalize("const base = 40;\nasync function main() { return base + 2 }");
        assertThat(w.source()).contains("return async function main()");
        assertThat(w.callIfFunction()).isTrue();
    }

    @Test
    void invalidJavaScriptGivesNull() {
        assertThat(normalize("const x: number = 1")).isNull();
        assertThat(normalize("a b")).isNull();
    }
}
