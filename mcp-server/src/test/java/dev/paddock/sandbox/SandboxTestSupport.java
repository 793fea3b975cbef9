package dev.paddock.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One sandbox for the whole test run: the engine and TypeScript compiler load once. */
final class SandboxTestSupport {

    static final Sandbox SANDBOX = Sandbox.start(Limits.DEFAULTS);

    private SandboxTestSupport() {}

    static ExecutionResult run(Isolate isolate, String code) {
        return await(isolate.submit(ExecutionRequest.of(code), ExecutionListener.NONE));
    }

    static ExecutionResult run(Isolate isolate, String code, Duration timeout) {
        return await(isolate.submit(new ExecutionRequest(code, Optional.of(timeout), false), ExecutionListener.NONE));
    }

    /** Runs the code in a fresh isolate. */
    static ExecutionResult run(String code) {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            return run(isolate, code);
        }
    }

    static ExecutionResult await(Execution execution) {
        try {
            return execution.result().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("execution did not complete", e);
        }
    }
}
