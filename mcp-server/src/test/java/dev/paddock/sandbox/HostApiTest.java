package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** Agent code calls host APIs through frozen namespace objects; calls cross as JSON and never block the isolate. */
class HostApiTest {
    private static final Executor LATER = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);

    /** A small real host API: add numbers, answer slowly, fail like a capability does, or never answer. */
    static final class Calculator implements HostApi {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<ExecutionScope> scopes = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("calc", List.of("add", "slow", "fail", "never"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            received.add(namespace + "." + method + argumentsJson);
            scopes.add(scope);
            return switch (method) {
                case "add" -> {
                    var args = JsonMapper.shared().readTree(argumentsJson);
                    yield CompletableFuture.completedFuture(String.valueOf(args.get(0).asInt() + args.get(1).asInt()));
                }
                case "slow" -> CompletableFuture.supplyAsync(() -> "{\"done\":true}", LATER);
                case "fail" -> CompletableFuture.failedFuture(new HostCallException("TypeError", "EINVAL", "calc.fail: input.x must be a number"));
                default -> new CompletableFuture<>();
            };
        }
    }

    @Test
    void namespacesAreFrozenGlobalsWhoseMethodsReturnPromisesOfPlainData() {
        Calculator api = new Calculator();
        try (Isolate isolate = SANDBOX.newIsolate(api)) {
            assertThat(value(run(isolate, "await calc.add(40, 2)")).asInt()).isEqualTo(42);
            assertThat(value(run(isolate, "Object.keys(calc)")).toString()).isEqualTo("[\"add\",\"slow\",\"fail\",\"never\"]");
            assertThat(value(run(isolate, "calc.add = () => 0; calc.evil = 1; Object.isFrozen(calc) && typeof calc.evil")).asString())
                    .isEqualTo("undefined");
            assertThat(value(run(isolate, "Object.getPrototypeOf(calc)")).isNull()).isTrue();
        }
    }

    @Test
    void aNamespaceCannotBeRedefinedDeletedOrReplacedForLaterExecutions() {
        try (Isolate isolate = SANDBOX.newIsolate(new Calculator())) {
            assertThat(error(run(isolate, "Object.defineProperty(globalThis, 'calc', { value: {} })")).message())
                    .contains("Cannot redefine property");
            assertThat(error(run(isolate, "'use strict'; delete globalThis.calc")).message()).contains("calc");
            run(isolate, "globalThis.calc = { add: () => 0 }; delete globalThis.calc");

            assertThat(value(run(isolate, "await calc.add(40, 2)")).asInt()).isEqualTo(42);
        }
    }

    @Test
    void aNamespaceOfAnyMethodSendsEveryNameToTheHostAndStaysFrozenAndNoThenable() {
        Calculator calculator = new Calculator();
        HostApi api = new HostApi() {
            @Override
            public Map<String, List<String>> namespaces() {
                return Map.of("calc", ANY_METHOD);
            }

            @Override
            public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
                return calculator.call(namespace, method, argumentsJson, scope);
            }
        };
        try (Isolate isolate = SANDBOX.newIsolate(api)) {
            assertThat(value(run(isolate, "await calc.add(40, 2)")).asInt()).isEqualTo(42);
            assertThat(value(run(isolate, """
                    let failure;
                    try { await calc.fail(); } catch (e) { failure = e.code; }
                    calc.evil = 1;
                    [failure, Object.isFrozen(calc), Object.keys(calc).length, typeof calc.then, typeof calc.toJSON,
                     typeof calc[Symbol.iterator], (await calc) === calc, Object.getPrototypeOf(calc)]""")).toString())
                    .isEqualTo("[\"EINVAL\",true,0,\"undefined\",\"undefined\",\"undefined\",true,null]");
            assertThat(calculator.received).containsExactly("calc.add[40,2]", "calc.fail[]");
        }
    }

    @Test
    void argumentsLeaveAsJsonSoGettersAndToJsonRunInsideTheIsolate() {
        Calculator api = new Calculator();
        try (Isolate isolate = SANDBOX.newIsolate(api)) {
            run(isolate, """
                    const tricky = { get a() { return 1; }, toJSON() { return { replaced: true }; } };
                    await calc.slow(tricky, new Map([[1, 2]]), undefined, () => 1)""");
            assertThat(api.received).containsExactly(
                    "calc.slow[{\"replaced\":true},{\"$type\":\"Map\",\"entries\":[[1,2]]},null,null]");
        }
    }

    @Test
    void concurrentCallsOverlap() {
        try (Isolate isolate = SANDBOX.newIsolate(new Calculator())) {
            ExecutionResult result = run(isolate, """
                    const started = Date.now();
                    const all = await Promise.all([calc.slow(), calc.slow(), calc.slow(), calc.slow()]);
                    return { all: all.length, ms: Date.now() - started };""");
            assertThat(value(result).get("all").asInt()).isEqualTo(4);
            // Four 300 ms calls in sequence would take 1200 ms.
            assertThat(value(result).get("ms").asInt()).isLessThan(1000);
        }
    }

    @Test
    void hostFailuresAreCatchableErrorsWithCodeAndTheAgentsLine() {
        try (Isolate isolate = SANDBOX.newIsolate(new Calculator())) {
            ExecutionResult caught = run(isolate, """
                    try { await calc.fail({ x: 'one' }); }
                    catch (e) { return [e instanceof TypeError, e.name, e.code, e.message]; }""");
            assertThat(value(caught).toString())
                    .isEqualTo("[true,\"TypeError\",\"EINVAL\",\"calc.fail: input.x must be a number\"]");

            ExecutionResult uncaught = run(isolate, "const a = 1;\nawait calc.fail({ x: 'one' });");
            assertThat(error(uncaught).name()).isEqualTo("TypeError");
            assertThat(error(uncaught).message()).isEqualTo("calc.fail: input.x must be a number");
            assertThat(error(uncaught).line()).isEqualTo(2);
            assertThat(error(uncaught).sourceLine()).contains("calc.fail");
        }
    }

    @Test
    void aPendingHostCallIsNotNeverSettledAndEndsAtTheDeadlineWithItsScope() {
        Calculator api = new Calculator();
        try (Isolate isolate = SANDBOX.newIsolate(api)) {
            ExecutionResult result = await(isolate.submit(
                    new ExecutionRequest("await calc.never()", Optional.of(Duration.ofMillis(400)), false), ExecutionListener.NONE));
            assertThat(error(result).kind()).isEqualTo("wall-time");
            assertThat(api.scopes).hasSize(1);
            assertThat(api.scopes.get(0).whenEnded()).succeedsWithin(Duration.ofSeconds(2));
            assertThat(value(run(isolate, "await calc.add(1, 1)")).asInt()).isEqualTo(2);
        }
    }

    @Test
    void withoutAHostApiThereAreNoNamespaces() {
        try (Isolate isolate = SANDBOX.newIsolate()) {
            assertThat(value(run(isolate, "typeof calc")).asString()).isEqualTo("undefined");
        }
    }
}
