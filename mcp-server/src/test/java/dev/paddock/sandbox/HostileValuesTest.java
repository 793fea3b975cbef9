package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Values built to trip the runtime after the agent's code has finished: thrown objects and polluted prototypes. */
class HostileValuesTest {

    @Test
    void aThrownObjectWhoseGetterLoopsEndsWithTheWallTimeLimit() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            ExecutionResult r = run(isolate, "throw { get message() { while (true) {} } }", Duration.ofMillis(300));
            assertThat(r.error().kind()).isEqualTo("wall-time");
            assertThat(r.error().message()).startsWith("execution exceeded the 300 ms wall-time limit");
            assertThat(run(isolate, "1 + 1").result().asInt()).isEqualTo(2);
        }
    }

    @Test
    void anInheritedToJsonDoesNotHideTheAgentsError() {
        ExecutionResult r = run("Object.prototype.toJSON = () => ({ hijacked: true });\nthrow new RangeError('the real error')");
        assertThat(r.error().kind()).isEqualTo("runtime");
        assertThat(r.error().name()).isEqualTo("RangeError");
        assertThat(r.error().message()).isEqualTo("the real error");
        assertThat(r.error().line()).isEqualTo(2);
    }
}
