package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Code sent again runs the program prepared the first time, in any isolate, and means the same. */
class PreparedProgramsTest {

    private final Sandbox sandbox = SandboxTestSupport.SANDBOX;

    @Test
    void repeatedCodeIsPreparedOnce() {
        String code = "const unique = 'prepared-once-" + System.nanoTime() + "'; unique.length";
        try (Isolate a = sandbox.newIsolate(); Isolate b = sandbox.newIsolate()) {
            int before = sandbox.programs().size();
            assertThat(value(run(a, code)).asInt()).isEqualTo(value(run(a, code)).asInt());
            run(b, code);
            assertThat(sandbox.programs().size()).isEqualTo(before + 1);
        }
    }

    @Test
    void aRepeatedProgramStillNamesTheAgentsLine() {
        String code = "const a = 1;\nthrow new Error('second line ' + " + System.nanoTime() + ")";
        try (Isolate isolate = sandbox.newIsolate()) {
            assertThat(error(run(isolate, code)).line()).isEqualTo(2);
            assertThat(error(run(isolate, code)).line()).isEqualTo(2);
        }
    }

    @Test
    void codeThatDoesNotParseIsToldAgainEachTime() {
        try (Isolate isolate = sandbox.newIsolate()) {
            assertThat(error(run(isolate, "let x = ;")).kind()).isEqualTo("syntax");
            assertThat(error(run(isolate, "let x = ;")).kind()).isEqualTo("syntax");
        }
    }

    @Test
    void theLeastRecentlyUsedProgramGoesFirst() {
        var programs = new PreparedPrograms();
        try (Isolate isolate = sandbox.newIsolate()) {
            run(isolate, "1");
        }
        Preparation.Program one = sandbox.programs().get("1");
        for (int i = 0; i <= PreparedPrograms.MAX_ENTRIES; i++) programs.put("code " + i, one);
        assertThat(programs.size()).isEqualTo(PreparedPrograms.MAX_ENTRIES);
        assertThat(programs.get("code 0")).isNull();
        assertThat(programs.get("code " + PreparedPrograms.MAX_ENTRIES)).isSameAs(one);
    }
}
