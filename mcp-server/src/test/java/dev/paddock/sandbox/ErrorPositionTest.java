package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors name the agent's own line and column, and quote the agent's own line. */
class ErrorPositionTest {

    @Test
    void syntaxErrorPointsAtTheOffendingToken() {
        ExecutionResult r = run("const a = 1;\nconst b = a +* 2;\nreturn b");
        assertThat(r.error().kind()).isEqualTo("syntax");
        assertThat(r.error().name()).isEqualTo("SyntaxError");
        assertThat(r.error().line()).isEqualTo(2);
        assertThat(r.error().column()).isEqualTo(14);
        assertThat(r.error().sourceLine()).isEqualTo("const b = a +* 2;");
    }

    @Test
    void runtimeErrorAfterAwaitPointsAtTheAgentsLine() {
        ExecutionResult r = run("const a = 1;\nawait null;\n   const v = null;\n   v.foo");
        assertThat(r.error().kind()).isEqualTo("runtime");
        assertThat(r.error().name()).isEqualTo("TypeError");
        assertThat(r.error().message()).contains("foo");
        assertThat(r.error().line()).isEqualTo(4);
        assertThat(r.error().column()).isEqualTo(4);
        assertThat(r.error().sourceLine()).isEqualTo("   v.foo");
    }

    @Test
    void columnsAfterAnInsertedReturnAreTheAgents() {
        ExecutionResult r = run("const o = null; o.x");
        assertThat(r.error().line()).isEqualTo(1);
        assertThat(r.error().column()).isEqualTo(17);
    }

    @Test
    void thrownErrorsKeepNameAndMessage() {
        ExecutionResult r = run("async () => {\n  throw new RangeError('too far')\n}");
        assertThat(r.error().name()).isEqualTo("RangeError");
        assertThat(r.error().message()).isEqualTo("too far");
        assertThat(r.error().line()).isEqualTo(2);
        assertThat(r.error().column()).isEqualTo(9);
    }

    @Test
    void thrownNonErrorsAreDescribed() {
        ExecutionResult r = run("throw {code: 7}");
        assertThat(r.error().kind()).isEqualTo("runtime");
        assertThat(r.error().message()).contains("code: 7");
    }

    @Test
    void linesCountFromTheFencedOriginal() {
        ExecutionResult r = run("```js\nconst a = 1;\nnull.x\n```");
        assertThat(r.error().line()).isEqualTo(3);
        assertThat(r.error().sourceLine()).isEqualTo("null.x");
    }

    @Test
    void deepRecursionIsAnOrdinaryRangeError() {
        ExecutionResult r = run("function down(n) { return down(n + 1) + 1 }\ndown(0)");
        assertThat(r.error().kind()).isEqualTo("runtime");
        assertThat(r.error().name()).isEqualTo("RangeError");
        assertThat(r.error().isolateReset()).isFalse();
    }

    @Test
    void errorsInTimerCallbacksFailTheExecution() {
        ExecutionResult r = run("setTimeout(() => {\n  null.boom\n}, 1);\nawait new Promise(r => setTimeout(r, 50))");
        assertThat(r.error().name()).isEqualTo("TypeError");
        assertThat(r.error().line()).isEqualTo(2);
    }

    @Test
    void logsPrintedBeforeAFailureAreKept() {
        ExecutionResult r = run("console.log('before'); null.x");
        assertThat(r.logs()).extracting(LogEntry::message).containsExactly("before");
    }

    @Test
    void missingNodeGlobalsAndImportsSayWhatToDoInstead() {
        ExecutionResult require = run("const fs = require('fs')");
        assertThat(require.error().name()).isEqualTo("ReferenceError");
        assertThat(require.error().message()).startsWith("require is not defined (Paddock runs plain JavaScript");
        ExecutionResult imported = run("import fs from 'fs';\nfs.readFileSync('x')");
        assertThat(imported.error().kind()).isEqualTo("syntax");
        assertThat(imported.error().message()).contains("there are no modules to import");
        assertThat(imported.error().line()).isEqualTo(1);
    }
}
