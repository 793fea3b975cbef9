package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FinalizationRegistry callbacks run when the engine has collected a target, perhaps during a later
 * execution: they run only during the execution that registered the target, and never fail a later one.
 */
class FinalizationTest {

    /** Lets code wait for a full garbage collection: {@code await jvm.gc()}. */
    private static final HostApi GC = new HostApi() {
        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("jvm", List.of("gc"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            System.gc();
            return CompletableFuture.completedFuture("null");
        }
    };

    /** Registers a fresh object on a registry of its own and collects until that callback ran: proof that cleanups run. */
    private static final String COLLECT_UNTIL_OWN_CALLBACK_RAN = """
            let mine = false;
            const registry = new FinalizationRegistry(held => { mine = held; });
            (() => registry.register({}, 'mine'))();
            for (let i = 0; i < 50 && !mine; i++) {
              await jvm.gc();
              await new Promise(resolve => setTimeout(resolve, 10));
            }
            """;

    @Test
    void aCallbackRunsDuringTheExecutionThatRegisteredItsTarget() {
        try (Isolate isolate = SANDBOX.newIsolate(GC)) {
            assertThat(value(run(isolate, COLLECT_UNTIL_OWN_CALLBACK_RAN + "return mine")).asString()).isEqualTo("mine");
        }
    }

    @Test
    void aCallbackFromAnEarlierExecutionNeitherRunsNorFailsALaterOne() {
        try (Isolate isolate = SANDBOX.newIsolate(GC)) {
            // The target stays reachable until the later execution drops it: only then can it be collected.
            value(run(isolate, """
                    globalThis.earlier = new FinalizationRegistry(held => { globalThis.late = held; null.boom; });
                    globalThis.target = {};
                    earlier.register(target, 'from the first execution');
                    1"""));
            ExecutionResult later = run(isolate, "globalThis.target = null;\n" + COLLECT_UNTIL_OWN_CALLBACK_RAN
                    + "return {mine, late: typeof late}");
            JsonNode v = value(later);
            assertThat(v.get("mine").asString()).isEqualTo("mine");
            assertThat(v.get("late").asString()).isEqualTo("undefined");
        }
    }

    @Test
    void aCallbackThatThrowsFailsItsOwnExecutionAtItsLine() {
        try (Isolate isolate = SANDBOX.newIsolate(GC)) {
            ExecutionResult r = run(isolate, """
                    const registry = new FinalizationRegistry(() => {
                      null.boom;
                    });
                    (() => registry.register({}, 0))();
                    for (let i = 0; i < 50; i++) {
                      await jvm.gc();
                      await new Promise(resolve => setTimeout(resolve, 10));
                    }""");
            assertThat(error(r).name()).isEqualTo("TypeError");
            assertThat(error(r).line()).isEqualTo(2);
        }
    }

    @Test
    void theRegistryBehavesAsTheBuiltIn() {
        String code = """
                const r = new FinalizationRegistry(() => {});
                const token = {};
                r.register({}, 1, token);
                const errors = [];
                for (const bad of [() => new FinalizationRegistry(1), () => FinalizationRegistry(() => {}),
                                   () => r.register(1, 1), () => { const o = {}; r.register(o, o) },
                                   () => FinalizationRegistry.prototype.register.call({}, {}, 1)]) {
                  try { bad(); errors.push('none') } catch (e) { errors.push(e.constructor.name) }
                }
                class Sub extends FinalizationRegistry {}
                return [Object.prototype.toString.call(r), r instanceof FinalizationRegistry, new Sub(() => {}) instanceof Sub,
                 r.unregister(token), r.unregister(token), FinalizationRegistry.name, FinalizationRegistry.length, errors]""";
        assertThat(value(run(code)).toString()).isEqualTo("[\"[object FinalizationRegistry]\",true,true,true,false,"
                + "\"FinalizationRegistry\",1,[\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\"]]");
    }
}
