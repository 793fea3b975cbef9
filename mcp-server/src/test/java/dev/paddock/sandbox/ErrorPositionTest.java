package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors name the agent's own line and column, and quote the agent's own line. */
class ErrorPositionTest {

    @Test
    void syntaxErrorPointsAtTheOffendingToken() {
        ExecutionResult r = run("const a = 1;\nconst b = a +* 2;\nreturn b");
        assertThat(error(r).kind()).isEqualTo("syntax");
        assertThat(error(r).name()).isEqualTo("SyntaxError");
        assertThat(error(r).line()).isEqualTo(2);
        assertThat(error(r).column()).isEqualTo(14);
        assertThat(error(r).sourceLine()).isEqualTo("const b = a +* 2;");
    }

    @Test
    void runtimeErrorAfterAwaitPointsAtTheAgentsLine() {
        ExecutionResult r = run("const a = 1;\nawait null;\n   const v = null;\n   v.foo");
        assertThat(error(r).kind()).isEqualTo("runtime");
        assertThat(error(r).name()).isEqualTo("TypeError");
        assertThat(error(r).message()).contains("foo");
        assertThat(error(r).line()).isEqualTo(4);
        assertThat(error(r).column()).isEqualTo(4);
        assertThat(error(r).sourceLine()).isEqualTo("   v.foo");
    }

    @Test
    void columnsAfterAnInsertedReturnAreTheAgents() {
        ExecutionResult r = run("const o = null; o.x");
        assertThat(error(r).line()).isEqualTo(1);
        assertThat(error(r).column()).isEqualTo(17);
    }

    @Test
    void thrownErrorsKeepNameAndMessage() {
        ExecutionResult r = run("async () => {\n  throw new RangeError('too far')\n}");
        assertThat(error(r).name()).isEqualTo("RangeError");
        assertThat(error(r).message()).isEqualTo("too far");
        assertThat(error(r).line()).isEqualTo(2);
        assertThat(error(r).column()).isEqualTo(9);
    }

    @Test
    void thrownNonErrorsAreDescribed() {
        ExecutionResult r = run("throw {code: 7}");
        assertThat(error(r).kind()).isEqualTo("runtime");
        assertThat(error(r).message()).contains("code: 7");
    }

    @Test
    void linesCountFromTheFencedOriginal() {
        ExecutionResult r = run("```js\nconst a = 1;\nnull.x\n```");
        assertThat(error(r).line()).isEqualTo(3);
        assertThat(error(r).sourceLine()).isEqualTo("null.x");
    }

    @Test
    void deepRecursionIsAnOrdinaryRangeError() {
        ExecutionResult r = run("function down(n) { return down(n + 1) + 1 }\ndown(0)");
        assertThat(error(r).kind()).isEqualTo("runtime");
        assertThat(error(r).name()).isEqualTo("RangeError");
        assertThat(error(r).isolateReset()).isFalse();
    }

    @Test
    void errorsInTimerCallbacksFailTheExecution() {
        ExecutionResult r = run("setTimeout(() => {\n  null.boom\n}, 1);\nawait new Promise(r => setTimeout(r, 50))");
        assertThat(error(r).name()).isEqualTo("TypeError");
        assertThat(error(r).line()).isEqualTo(2);
    }

    @Test
    void logsPrintedBeforeAFailureAreKept() {
        ExecutionResult r = run("console.log('before'); null.x");
        assertThat(r.logs()).extracting(LogEntry::message).containsExactly("before");
    }

    @Test
    void missingNodeGlobalsAndImportsSayWhatToDoInstead() {
        ExecutionResult require = run("const fs = require('fs')");
        assertThat(error(require).name()).isEqualTo("ReferenceError");
        assertThat(error(require).message()).startsWith("require is not defined (Paddock runs plain JavaScript");
        ExecutionResult imported = run("import fs from 'fs';\nfs.readFileSync('x')");
        assertThat(error(imported).kind()).isEqualTo("syntax");
        assertThat(error(imported).message()).contains("there are no modules to import");
        assertThat(error(imported).line()).isEqualTo(1);
    }
}
