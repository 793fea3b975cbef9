package dev.paddock.server;

import dev.paddock.sandbox.Execution;
import dev.paddock.sandbox.ExecutionError;
import dev.paddock.sandbox.ExecutionRequest;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.Limits;
import dev.paddock.transport.Cancellation;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
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

    private final SessionIsolates isolates;
    private final ExecutionFormatter formatter;
    private final ServingOptions options;

    ExecuteTool(SessionIsolates isolates, ExecutionFormatter formatter, ServingOptions options) {
        this.isolates = isolates;
        this.formatter = formatter;
        this.options = options;
    }

    AsyncToolSpecification specification(McpJsonMapper mapper, Limits limits, String standardLibrary, ProfileGrants grants) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Run code in a sandbox")
                .description(ExecuteToolDescription.render(limits, standardLibrary, grants.declarations(),
                        grants.egressGrants(), FetchDeclarations.TEXT, options.stateless()))
                .inputSchema(mapper, INPUT_SCHEMA)
                .outputSchema(mapper, OUTPUT_SCHEMA)
                .build();
        return AsyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    private Mono<CallToolResult> call(McpAsyncServerExchange exchange, CallToolRequest call) {
        ExecutionRequest request;
        try {
            request = executionRequest(call.arguments() == null ? Map.of() : call.arguments());
        } catch (IllegalArgumentException e) {
            return Mono.just(CallToolResult.builder().addTextContent("Invalid arguments: " + e.getMessage())
                    .isError(true).build());
        }
        ProgressReporter progress = ProgressReporter.forRequest(exchange, call.meta());
        Cancellation cancellation = Cancellation.of(exchange.transportContext());
        // Off the transport's reader thread: the first call of a session may wait for the sandbox to start.
        return Mono.fromCallable(() -> isolates.forSession(exchange.sessionId()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(isolate -> {
                    var channel = new ExecutionChannel(exchange, progress);
                    Execution execution = isolate.submit(request, channel);
                    cancellation.onCancel(() -> {
                        log.debug("client cancelled an execute call");
                        execution.cancel();
                    });
                    var result = Mono.fromFuture(execution.result(), true);
                    return options.maxQueue() == null ? result : limitQueueTime(execution, channel, result);
                })
                .doOnNext(options.metrics()::executed)
                .flatMap(outcome -> (progress == null || cancellation.isCancelled() ? Mono.<Void>empty() : progress.done())
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

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "code": {
                  "type": "string",
                  "description": "JavaScript or TypeScript: an async function body, an async arrow function, or statements whose last expression is the result."
                },
                "timeoutMs": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "Wall-time limit for this call in milliseconds; can only lower the server's limit."
                },
                "reset": {
                  "type": "boolean",
                  "description": "Start this session's isolate afresh, dropping its globals, before running the code."
                }
              },
              "required": ["code"],
              "additionalProperties": false
            }""";

    /** Admits both {result, logs} and {error, logs}: clients validate error results against it too. */
    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "result": { "description": "The code's value as JSON; null for undefined." },
                "logs": {
                  "type": "array",
                  "description": "Console output in print order.",
                  "items": {
                    "type": "object",
                    "properties": { "level": { "type": "string" }, "message": { "type": "string" } },
                    "required": ["level", "message"]
                  }
                },
                "error": {
                  "type": "object",
                  "description": "Present when the code failed.",
                  "properties": {
                    "kind": { "type": "string" },
                    "name": { "type": "string" },
                    "message": { "type": "string" },
                    "line": { "type": "integer" },
                    "column": { "type": "integer" },
                    "sourceLine": { "type": "string" },
                    "isolateReset": { "type": "boolean" }
                  },
                  "required": ["kind", "name", "message"]
                },
                "truncated": { "type": "boolean", "description": "True when the result or the logs were cut to fit the limits." }
              },
              "required": ["logs"]
            }""";
}
