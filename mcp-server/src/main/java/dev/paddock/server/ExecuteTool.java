package dev.paddock.server;

import dev.paddock.transport.McpJson;
import dev.paddock.egress.EgressCapability;
import dev.paddock.sandbox.Execution;
import dev.paddock.sandbox.ExecutionError;
import dev.paddock.sandbox.ExecutionRequest;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import dev.paddock.tooldefs.ToolDefs;
import dev.paddock.tooldefs.ToolMethod;
import dev.paddock.tooldefs.ToolNaming;
import dev.paddock.transport.Cancellation;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The `execute` tool: runs the agent's code in its session's isolate, stops it when the client cancels,
 * reports progress when asked, and shapes the outcome with {@link ExecutionFormatter}.
 */
final class ExecuteTool {
    static final String NAME = "execute";
    private static final Logger log = LoggerFactory.getLogger(ExecuteTool.class);
    /** Input and output, declared in TypeScript as a capability's are and compiled by tool-defs. */
    private static final ToolMethod DECLARED = declared();

    private final SessionIsolates isolates;
    private final ExecutionFormatter formatter;
    private final ServingOptions options;

    ExecuteTool(SessionIsolates isolates, ExecutionFormatter formatter, ServingOptions options) {
        this.isolates = isolates;
        this.formatter = formatter;
        this.options = options;
    }

    AsyncToolSpecification specification(Limits limits, String standardLibrary, ProfileGrants grants) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Run code in a sandbox")
                .description(ExecuteToolDescription.render(limits, standardLibrary, grants.declarations(),
                        grants.egressGrants(), EgressCapability.FETCH_DECLARATIONS, options.stateless()))
                .inputSchema(McpJson.MAPPER, DECLARED.inputSchema().toString())
                .outputSchema(McpJson.MAPPER, DECLARED.outputSchema().orElseThrow().toString())
                .build();
        return AsyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    private static ToolMethod declared() {
        try (InputStream in = ExecuteTool.class.getResourceAsStream("execute.d.ts")) {
            if (in == null) throw new IllegalStateException("execute.d.ts is missing from the class path");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ToolDefs.compile("execute.d.ts", text, "paddock", new ToolNaming("{method}")).methods().getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mono<CallToolResult> call(McpAsyncServerExchange exchange, CallToolRequest call) {
        ExecutionRequest request;
        try {
            request = executionRequest(call.arguments() == null ? Map.of() : call.arguments());
        } catch (IllegalArgumentException e) {
            return Mono.just(CallToolResult.builder().addTextContent("Invalid arguments: " + e.getMessage())
                    .isError(true).build());
        }
        ProgressReporter progress = ProgressReporter.forExecute(exchange, call.meta());
        Cancellation cancellation = Cancellation.of(exchange.transportContext());
        return isolate(exchange.sessionId(), request)
                .flatMap(isolate -> {
                    var channel = new ExecutionChannel(progress);
                    var inFlight = new HostCallsInFlight();
                    var calls = isolates.hostApi(exchange.sessionId()).forRequest(exchange, progress, inFlight);
                    Execution execution = isolate.submit(request, channel, calls);
                    cancellation.onCancel(() -> {
                        log.debug("client cancelled an execute call");
                        execution.cancel();
                    });
                    var result = Mono.fromFuture(execution.result(), true);
                    return (options.maxQueue() == null ? result : limitQueueTime(execution, channel, result))
                            .flatMap(outcome -> Mono.fromFuture(inFlight.settle(outcome, HostCallsInFlight.SETTLE)));
                })
                .doOnNext(options.metrics()::executed)
                .flatMap(outcome -> (cancellation.isCancelled() ? Mono.<Void>empty() : progress.done())
                        .then(Mono.fromCallable(() -> formatter.toToolResult(outcome))))
                .onErrorResume(SessionIsolates.SessionEndedException.class, e -> Mono.just(
                        CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build()))
                .onErrorResume(e -> {
                    log.error("execute failed inside Paddock", e);
                    options.metrics().failed("internal");
                    return Mono.just(CallToolResult.builder()
                            .addTextContent("InternalError: Paddock could not run the code: " + e.getMessage())
                            .isError(true).build());
                });
    }

    /**
     * The session's isolate: at once when it is ready, which saves every later call a hop to another thread.
     * Otherwise off the transport's reader thread: the first call of a session may wait for the sandbox to
     * start, and for lazy upstream servers so that their namespaces exist in the isolate.
     */
    private Mono<Isolate> isolate(String sessionId, ExecutionRequest request) {
        Isolate ready = isolates.readyIsolate(sessionId);
        if (ready != null) return Mono.just(ready);
        return Mono.defer(() -> Mono.fromFuture(isolates.hostApi(sessionId).upstreamsReady(request.timeout())))
                .then(Mono.fromCallable(() -> isolates.forSession(sessionId)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Time spent waiting for a free execution thread has its own limit, apart from the wall-time limit
     * (which counts from the start of execution): an execution still queued at the deadline is dropped
     * and answered with a queue-time error that says the server was busy.
     */
    private Mono<ExecutionResult> limitQueueTime(Execution execution, ExecutionChannel channel,
            Mono<ExecutionResult> result) {
        var expired = new java.util.concurrent.atomic.AtomicBoolean();
        var timer = Mono.delay(options.maxQueue()).subscribe(tick -> {
            if (!channel.hasStarted() && expired.compareAndSet(false, true)) execution.cancel();
        });
        return result.doFinally(signal -> timer.dispose())
                .map(outcome -> expired.get() && !channel.hasStarted() ? queueTimeout() : outcome);
    }

    private ExecutionResult queueTimeout() {
        long ms = options.maxQueue().toMillis();
        return new ExecutionResult.Failed(new ExecutionError("queue-time", "QueueTimeLimit",
                "The code did not start: it waited " + ms + " ms for a free execution thread (limit maxQueueMs="
                        + ms + ") because the server is busy with other sessions' code. Nothing ran and this "
                        + "session's globals are unchanged; retry shortly.",
                null, null, null, false), java.util.List.of(), false, Duration.ZERO);
    }

    /** The SDK has checked the arguments against the input schema already; this is the last line. */
    private static ExecutionRequest executionRequest(Map<String, Object> args) {
        if (!(args.get("code") instanceof String code)) throw new IllegalArgumentException("`code` must be a string");
        Optional<Duration> timeout = Optional.empty();
        if (args.get("timeoutMs") instanceof Number ms) {
            if (ms.longValue() < 1) throw new IllegalArgumentException("`timeoutMs` must be at least 1");
            timeout = Optional.of(Duration.ofMillis(ms.longValue()));
        }
        return new ExecutionRequest(code, timeout, Boolean.TRUE.equals(args.get("reset")));
    }
}
