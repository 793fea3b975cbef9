package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The code runs as the body of one async function. Code that would end that function early, a fence in
 * another language and a hashbang line each get a clear answer at the agent's own line and column.
 */
class CodeWrappingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            return 1\\n})\\n(async () => { return 2          | 2 | 1 | })
            })(); (async () => { return 2                    | 1 | 1 | })(); (async () => { return 2
            const a = 1;\\n  }); (async () => { return a     | 2 | 3 | '  }); (async () => { return a'
            return 1\\n}                                      | 2 | 1 | }
            ```js\\nreturn 1\\n})\\n(async () => { return 2\\n``` | 3 | 1 | })
            """)
    void codeThatClosesItsFunctionEarlyIsASyntaxErrorAtTheExtraBracket(String code, int line, int column, String sourceLine) {
        ExecutionResult r = run(code.replace("\\n", "\n"));
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).name()).isEqualTo("SyntaxError");
        assertThat(error(r).message()).startsWith("unmatched }: it closes a bracket the code never opened");
        assertThat(error(r).line()).isEqualTo(line);
        assertThat(error(r).column()).isEqualTo(column);
        assertThat(error(r).sourceLine()).isEqualTo(sourceLine);
    }

    @Test
    void anExpressionThatClosesItsParenthesisEarlyPointsAtTheParenthesis() {
        ExecutionResult r = run("1)})(async () => { return (2");
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).line()).isEqualTo(1);
        assertThat(error(r).column()).isEqualTo(2);
    }

    @Test
    void typeScriptThatClosesItsFunctionEarlyPointsAtTheTypeScript() {
        ExecutionResult r = run("const a: number = 1;\n})\n(async () => { return a");
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).line()).isEqualTo(2);
        assertThat(error(r).column()).isEqualTo(1);
        assertThat(error(r).sourceLine()).isEqualTo("})");
    }

    @Test
    void bracketsInsideStringsCommentsAndTemplatesAreNotCounted() {
        String code = "const s = '})'; // })\nconst t = `${'})'}`;\n/* }) */ s + t";
        assertThat(value(run(code)).asString()).isEqualTo("})})");
    }

    @Test
    void codeNestedTooDeeplyToParseSaysSo() {
        ExecutionResult r = run("return " + "[".repeat(50_000));
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).message()).startsWith("the code nests brackets too deeply to be parsed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "bash", "json", "Python", "sh"})
    void aFenceInAnotherLanguageSaysSo(String language) {
        ExecutionResult r = run("```" + language + "\nx = 1\n```");
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).message()).startsWith("the code is fenced as '" + language + "', but Paddock runs only "
                + "JavaScript or TypeScript");
        assertThat(error(r).line()).isEqualTo(1);
        assertThat(error(r).column()).isEqualTo(4);
        assertThat(error(r).sourceLine()).isEqualTo("```" + language);
    }

    @Test
    void theLanguageIsTheFirstWordOfTheFencesInfoString() {
        ExecutionResult r = run("\n  ```py title=\"main.py\"\nprint(1)\n  ```");
        assertThat(error(r).message()).startsWith("the code is fenced as 'py'");
        assertThat(error(r).line()).isEqualTo(2);
        assertThat(error(r).column()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "```js title=\"main.js\"\nreturn 6 * 7\n```",
        "```ts {1,2}\nconst a: number = 6;\na * 7\n```",
        "~~~javascript\nreturn 6 * 7\n~~~",
        "````js\nconst md = '```';\n6 * 7\n````",
        "```JavaScript\n6 * 7\n```",
        "```node\n6 * 7\n```",
    })
    void javaScriptAndTypeScriptFencesRun(String code) {
        assertThat(value(run(code)).asInt()).isEqualTo(42);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ```js\\nreturn 1\\n```\\nThis returns 1.               | 4 | 1 | This returns 1.
            ```ts\\nreturn 1\\n```\\n\\n  Done: it returns 1.\\n          | 5 | 3 | '  Done: it returns 1.'
            """)
    void textAfterTheClosingFenceSaysSo(String code, int line, int column, String sourceLine) {
        ExecutionResult r = run(code.replace("\\n", "\n"));
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).message()).startsWith("the code goes on after its closing fence");
        assertThat(error(r).line()).isEqualTo(line);
        assertThat(error(r).column()).isEqualTo(column);
        assertThat(error(r).sourceLine()).isEqualTo(sourceLine);
    }

    @Test
    void tildesWithoutAJavaScriptLabelAreJavaScript() {
        assertThat(value(run("~~~5")).asInt()).isEqualTo(-6);
        assertThat(error(run("~~~x")).name()).isEqualTo("ReferenceError");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "#!/usr/bin/env node\nreturn 6 * 7",
        "#!/usr/bin/env node\nconst a = 6;\na * 7",
        "#!/usr/bin/env -S npx tsx\nconst a: number = 6;\na * 7",
        "```js\n#!/usr/bin/env node\n6 * 7\n```",
    })
    void aHashbangLineIsIgnored(String code) {
        assertThat(value(run(code)).asInt()).isEqualTo(42);
    }

    @Test
    void errorsAfterAHashbangPointAtTheAgentsLine() {
        ExecutionResult r = run("#!/usr/bin/env node\nconst a = 1;\n  null.x");
        assertThat(error(r).name()).isEqualTo("TypeError");
        assertThat(error(r).line()).isEqualTo(3);
        assertThat(error(r).column()).isEqualTo(3);
        ExecutionResult syntax = run("#!/usr/bin/env node\nconst a = 1 +* 2;");
        assertThat(error(syntax).kind()).isEqualTo("syntax");
        assertThat(error(syntax).line()).isEqualTo(2);
        assertThat(error(syntax).column()).isEqualTo(14);
    }
}
