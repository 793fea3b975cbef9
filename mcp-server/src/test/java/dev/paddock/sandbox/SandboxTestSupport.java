package dev.paddock.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

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

    /** The value of an execution that must have succeeded. */
    static JsonNode value(ExecutionResult result) {
        if (result instanceof ExecutionResult.Succeeded ok) return ok.value();
        throw new AssertionError("expected a value, got " + result);
    }

    /** The error of an execution that must have failed. */
    static ExecutionError error(ExecutionResult result) {
        if (result instanceof ExecutionResult.Failed failed) return failed.error();
        throw new AssertionError("expected an error, got " + result);
    }

    static ExecutionResult await(Execution execution) {
        try {
            return execution.result().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("execution did not complete", e);
        }
    }

    /**
     * Tells a test that agent code got as far as {@code probe.reached()}: a host call that counts down a
     * latch and resolves at once.
     */
    static final class Probe implements HostApi {
        private final CountDownLatch reached = new CountDownLatch(1);

        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("probe", List.of("reached"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            reached.countDown();
            return CompletableFuture.completedFuture("null");
        }

        /** Waits until the code called {@code probe.reached()}; fails the test after 60 s. */
        void awaitReached() throws InterruptedException {
            if (!reached.await(60, TimeUnit.SECONDS)) throw new AssertionError("the code never called probe.reached()");
        }
    }
}
