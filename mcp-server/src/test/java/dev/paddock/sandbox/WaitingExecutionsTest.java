package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * An execution that only awaits (host calls, timers) holds no pool thread: other executions run meanwhile,
 * and it resumes on any free thread when its work arrives, within the same limits as before.
 */
class WaitingExecutionsTest {

    /** Awaits a host call that settles only when the test opens the gate. */
    private static final String AWAIT_GATE = "globalThis.g = 'kept'; return await gate.pass()";

    @Test
    void tenExecutionsAwaitingHostCallsOnTwoThreadsAllComplete() throws Exception {
        Gate gate = new Gate(10);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 2)) {
            List<Execution> executions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                executions.add(sandbox.newIsolate(gate).submit(
                        ExecutionRequest.of("return (await gate.pass()) + " + i), ExecutionListener.NONE));
            }
            // All ten await at once on two threads: with a thread held per waiting execution, only two would
            // ever start, and the gate would never open.
            gate.awaitAllWaiting();
            gate.open();
            for (int i = 0; i < 10; i++) assertThat(value(await(executions.get(i))).asInt()).isEqualTo(100 + i);
        }
    }

    @Test
    void tenExecutionsPollingWithTimersOnTwoThreadsAllComplete() {
        Meeting meeting = new Meeting(10);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 2)) {
            List<Execution> executions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                // Each waits, on timers only, until all ten have arrived: they must all be in flight at once.
                executions.add(sandbox.newIsolate(meeting).submit(ExecutionRequest.of("""
                        await meeting.arrive();
                        while (!(await meeting.everyone())) await new Promise(r => setTimeout(r, 5));
                        return 'met'"""), ExecutionListener.NONE));
            }
            for (Execution e : executions) assertThat(value(await(e)).asString()).isEqualTo("met");
        }
    }

    @Test
    void aBystanderRunsWhileEveryThreadsWorthOfExecutionsWaits() throws Exception {
        Gate gate = new Gate(8);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 2); Isolate bystander = sandbox.newIsolate()) {
            List<Execution> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(sandbox.newIsolate(gate).submit(ExecutionRequest.of(AWAIT_GATE), ExecutionListener.NONE));
            }
            gate.awaitAllWaiting();
            assertThat(value(run(bystander, "1")).asInt()).isEqualTo(1);
            assertThat(waiting).noneMatch(e -> e.result().isDone());
            gate.open();
            for (Execution e : waiting) assertThat(value(await(e)).asInt()).isEqualTo(100);
        }
    }

    @Test
    void aWaitingExecutionStillStopsAtItsDeadlineAndKeepsItsGlobals() throws Exception {
        Gate gate = new Gate(1);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1); Isolate isolate = sandbox.newIsolate(gate)) {
            ExecutionResult host = run(isolate, AWAIT_GATE, Duration.ofMillis(300));
            assertThat(error(host).kind()).isEqualTo("wall-time");
            assertThat(error(host).message()).isEqualTo("execution exceeded the 300 ms wall-time limit");
            assertThat(error(host).isolateReset()).isFalse();

            ExecutionResult timer = run(isolate, "await new Promise(r => setTimeout(r, 60000)); 1", Duration.ofMillis(300));
            assertThat(error(timer).message()).isEqualTo("execution exceeded the 300 ms wall-time limit");
            assertThat(value(run(isolate, "g")).asString()).isEqualTo("kept");
        }
    }

    @Test
    void aWaitingExecutionPastItsDeadlineQueuesForABusyThreadWithoutLosingItsGlobals() throws Exception {
        Gate gate = new Gate(1);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1);
                Isolate waiting = sandbox.newIsolate(gate);
                Isolate busy = sandbox.newIsolate()) {
            Execution waits = waiting.submit(new ExecutionRequest(AWAIT_GATE, Optional.of(Duration.ofMillis(200)), false),
                    ExecutionListener.NONE);
            gate.awaitAllWaiting();
            // Holds the only thread well past the other's deadline, and past the second after which the
            // watchdog closes the context of code that ignores its stop.
            Execution spins = busy.submit(new ExecutionRequest("while (true) {}", Optional.of(Duration.ofMillis(2500)), false),
                    ExecutionListener.NONE);
            ExecutionResult stopped = await(waits);
            assertThat(error(stopped).message()).isEqualTo("execution exceeded the 200 ms wall-time limit");
            assertThat(error(stopped).isolateReset()).isFalse();
            assertThat(error(await(spins)).kind()).isEqualTo("wall-time");
            assertThat(value(run(waiting, "g")).asString()).isEqualTo("kept");
        }
    }

    @Test
    void cancellingOrClosingAWaitingExecutionStopsIt() throws Exception {
        Gate gate = new Gate(2);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1)) {
            Isolate cancelled = sandbox.newIsolate(gate);
            Isolate closed = sandbox.newIsolate(gate);
            Execution toCancel = cancelled.submit(ExecutionRequest.of(AWAIT_GATE), ExecutionListener.NONE);
            Execution toClose = closed.submit(ExecutionRequest.of(AWAIT_GATE), ExecutionListener.NONE);
            gate.awaitAllWaiting();
            toCancel.cancel();
            closed.close();
            assertThat(error(await(toCancel)).kind()).isEqualTo("cancelled");
            assertThat(error(await(toClose)).message()).isEqualTo("the session was closed while the code was running");
            assertThat(value(run(cancelled, "g")).asString()).isEqualTo("kept");
            cancelled.close();
        }
    }

    @Test
    void closingTheSandboxEndsAWaitingExecutionAndOneQueuedBehindIt() throws Exception {
        Gate gate = new Gate(1);
        Execution waits;
        Execution queued;
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 1)) {
            Isolate isolate = sandbox.newIsolate(gate);
            waits = isolate.submit(ExecutionRequest.of(AWAIT_GATE), ExecutionListener.NONE);
            queued = isolate.submit(ExecutionRequest.of("1"), ExecutionListener.NONE);
            gate.awaitAllWaiting();
        }
        assertThat(error(await(waits)).kind()).isEqualTo("cancelled");
        assertThat(error(await(queued)).kind()).isEqualTo("cancelled");
    }

    @Test
    void theCpuTimeLimitCountsEverySliceOfAnExecution() {
        Limits limits = new Limits(Duration.ofSeconds(30), Duration.ofMillis(300), 1 << 20, 1 << 16, 100);
        try (Sandbox sandbox = Sandbox.startCold(limits, 2); Isolate isolate = sandbox.newIsolate()) {
            // 20 ms of CPU per slice, each far under the limit; only their sum reaches it.
            ExecutionResult r = run(isolate, """
                    for (;;) {
                      const end = Date.now() + 20; while (Date.now() < end) {}
                      await new Promise(r => setTimeout(r, 1));
                    }""");
            assertThat(error(r).message()).isEqualTo("execution exceeded the 300 ms CPU-time limit");
        }
    }

    @Test
    void theAllocationLimitCountsEverySliceOfAnExecution() {
        Limits limits = Limits.DEFAULTS.withMaxAllocatedBytes(64L << 20);
        try (Sandbox sandbox = Sandbox.startCold(limits, 2); Isolate isolate = sandbox.newIsolate()) {
            // 4 MiB per slice, far under the limit; only their sum reaches it.
            ExecutionResult r = run(isolate, """
                    for (let i = 0; i < 100000; i++) {
                      new Uint8Array(4 << 20);
                      await new Promise(r => setTimeout(r, 1));
                    }""");
            assertThat(error(r).message()).startsWith("execution exceeded the 64 MiB allocation limit");
        }
    }

    @Test
    void theRetainedBudgetHoldsForAnExecutionThatKeepsMemoryAcrossAwaits() {
        Limits limits = Limits.DEFAULTS.withMaxAllocatedBytes(64L << 30).withMaxRetainedBytes(128L << 20);
        try (Sandbox sandbox = Sandbox.startCold(limits, Capacity.defaults().withThreads(2), () -> Long.MAX_VALUE);
                Isolate bomb = sandbox.newIsolate()) {
            ExecutionResult r = run(bomb, """
                    globalThis.keep = [];
                    for (let i = 0; ; i++) {
                      keep.push({ x: Math.random(), s: 'abc' + i });
                      if (i % 20000 === 0) await new Promise(r => setTimeout(r, 1));
                    }""");
            assertThat(error(r).name()).isEqualTo("RetainedMemoryLimitExceeded");
            assertThat(error(r).isolateReset()).isTrue();
            assertThat(value(run(bomb, "typeof keep")).asString()).isEqualTo("undefined");
        }
    }

    @Test
    void manyExecutionsInterleavingHostCallsAndTimersOnTwoThreadsEachGetTheirOwnResults() {
        Later later = new Later();
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, 2)) {
            List<Execution> executions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                executions.add(sandbox.newIsolate(later).submit(ExecutionRequest.of("""
                        globalThis.mine = %d;
                        let sum = 0;
                        for (let k = 0; k < 20; k++) {
                          sum += await later.echo(k);
                          if (k %% 3 === 0) await new Promise(r => setTimeout(r, k %% 4));
                        }
                        return [mine, sum]""".formatted(i)), ExecutionListener.NONE));
            }
            for (int i = 0; i < 40; i++) {
                var result = value(await(executions.get(i)));
                assertThat(result.get(0).asInt()).isEqualTo(i);
                assertThat(result.get(1).asInt()).isEqualTo(190);
            }
        }
    }

    @Test
    void pastTheIsolateCapWithEveryIsolateWaitingANewIsolateIsRefusedAndNothingRuns() throws Exception {
        Gate gate = new Gate(2);
        Capacity capacity = Capacity.defaults().withThreads(2).withMaxIsolates(2);
        try (Sandbox sandbox = Sandbox.startCold(Limits.DEFAULTS, capacity, () -> Long.MAX_VALUE);
                Isolate first = sandbox.newIsolate(gate);
                Isolate second = sandbox.newIsolate(gate);
                Isolate third = sandbox.newIsolate()) {
            Execution a = first.submit(ExecutionRequest.of(AWAIT_GATE), ExecutionListener.NONE);
            Execution b = second.submit(ExecutionRequest.of(AWAIT_GATE), ExecutionListener.NONE);
            gate.awaitAllWaiting();

            ExecutionError refused = error(run(third, "globalThis.ran = true"));
            assertThat(refused.kind()).isEqualTo("capacity");
            assertThat(refused.message()).isEqualTo("the code did not start: this server already has 2 isolates with an "
                    + "execution running or waiting for host calls or timers (the sandbox.maxIsolates cap in paddock.json), "
                    + "and none is idle to make room. Nothing ran; retry when some have finished.");
            assertThat(sandbox.liveIsolates()).isEqualTo(2);

            gate.open();
            assertThat(value(await(a)).asInt()).isEqualTo(100);
            assertThat(value(await(b)).asInt()).isEqualTo(100);
            // Room again: an idle isolate is evicted for it, and the refused code had not run.
            assertThat(value(run(third, "typeof ran")).asString()).isEqualTo("undefined");
        }
    }

    @Test
    void aContextCanBeUsedByAnotherThreadOnceTheFirstIsDoneWithIt() throws Exception {
        // What resuming on any free thread relies on: GraalJS refuses concurrent use, not taking turns.
        try (Context context = SandboxTestSupport.SANDBOX.engine().newContext()) {
            context.eval("js", "globalThis.n = 1");
            CompletableFuture<Integer> elsewhere = CompletableFuture.supplyAsync(
                    () -> context.eval("js", "n += 1; n").asInt(), r -> Thread.ofPlatform().start(r));
            assertThat(elsewhere.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(context.eval("js", "n + 1").asInt()).isEqualTo(3);
        }
    }

    /** {@code gate.pass()} settles with 100 once the test opens the gate; the test can wait until all callers wait. */
    private static final class Gate implements HostApi {
        private final CountDownLatch waiting;
        private final CompletableFuture<String> opened = new CompletableFuture<>();

        Gate(int callers) {
            waiting = new CountDownLatch(callers);
        }

        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("gate", List.of("pass"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            waiting.countDown();
            return opened.thenApply(json -> json);
        }

        void awaitAllWaiting() throws InterruptedException {
            if (!waiting.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError(waiting.getCount() + " callers never reached gate.pass()");
            }
        }

        void open() {
            opened.complete("100");
        }
    }

    /** {@code meeting.arrive()} counts the caller; {@code meeting.everyone()} says whether all have arrived. */
    private static final class Meeting implements HostApi {
        private final int expected;
        private final AtomicInteger arrived = new AtomicInteger();

        Meeting(int expected) {
            this.expected = expected;
        }

        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("meeting", List.of("arrive", "everyone"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            if (method.equals("arrive")) arrived.incrementAndGet();
            return CompletableFuture.completedFuture(String.valueOf(arrived.get() >= expected));
        }
    }

    /** {@code later.echo(x)} settles with x a few milliseconds later, from another thread. */
    private static final class Later implements HostApi {
        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("later", List.of("echo"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            String value = argumentsJson.substring(1, argumentsJson.length() - 1);
            long delay = ThreadLocalRandom.current().nextLong(3);
            return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        }
    }
}
