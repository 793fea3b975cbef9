package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.value;
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
            assertThat(error(r).kind()).isEqualTo("wall-time");
            assertThat(error(r).message()).startsWith("execution exceeded the 300 ms wall-time limit");
            assertThat(value(run(isolate, "1 + 1")).asInt()).isEqualTo(2);
        }
    }

    @Test
    void anInheritedToJsonDoesNotHideTheAgentsError() {
        ExecutionResult r = run("Object.prototype.toJSON = () => ({ hijacked: true });\nthrow new RangeError('the real error')");
        assertThat(error(r).kind()).isEqualTo("runtime");
        assertThat(error(r).name()).isEqualTo("RangeError");
        assertThat(error(r).message()).isEqualTo("the real error");
        assertThat(error(r).line()).isEqualTo(2);
    }
}
