package dev.paddock.sandbox;

import tools.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import tools.jackson.databind.JsonNode;

/** The one place that words execution errors for the agent. */
final class ExecutionErrors {

    private ExecutionErrors() {}

    /** Names agents reach for that do not exist here, and what to do instead. */
    private static final Map<String, String> MISSING_GLOBALS = Map.of(
            "require", "there are no modules; use the globals listed in the tool description",
            "process", "there is no Node.js process object",
            "Buffer", "use Uint8Array with TextEncoder/TextDecoder or atob/btoa",
            "XMLHttpRequest", "use fetch, which reaches only what the tool description's Network section grants",
            "window", "use globalThis",
            "document", "there is no DOM");

    private static final Pattern NOT_DEFINED = Pattern.compile("^(\\w+) is not defined$");
    /** GraalJS names the receiver when it can, else "(intermediate value)" (a frozen namespace object). */
    private static final Pattern NOT_A_FUNCTION = Pattern.compile("^(.+)\\.(\\w+) is not a function$");
    private static final Pattern MEMBER_CALL = Pattern.compile("^(\\w+)\\s*\\.\\s*(\\w+)");

    /**
     * A capability method or namespace the agent used that this connection does not have, said with what it
     * has: {@code weather.low is not a function; weather has: high}, {@code files is not granted to this
     * connection; granted: weather}.
     */
    static ExecutionError aboutGrants(ExecutionError error, HostApi api) {
        if (!"runtime".equals(error.kind())) return error;
        Map<String, List<String>> granted = api.namespaces();
        Matcher call = NOT_A_FUNCTION.matcher(error.message());
        if ("TypeError".equals(error.name()) && call.matches()) {
            String namespace = granted.containsKey(call.group(1)) ? call.group(1) : calledAt(error, call.group(2));
            if (namespace != null && granted.containsKey(namespace)) {
                String why = api.whyWithheld(namespace, call.group(2));
                return withMessage(error, namespace + "." + call.group(2) + " is not a function; " + namespace + " has: "
                        + String.join(", ", granted.get(namespace)) + (why == null ? "" : "; " + why));
            }
        }
        Matcher name = NOT_DEFINED.matcher(error.message());
        if ("ReferenceError".equals(error.name()) && name.matches() && api.ungranted().contains(name.group(1))) {
            return withMessage(error, name.group(1) + " is not granted to this connection; granted: "
                    + (granted.isEmpty() ? "none" : String.join(", ", granted.keySet())));
        }
        return error;
    }

    /** The receiver written at the error's position, when the code there reads {@code receiver.method}. */
    private static String calledAt(ExecutionError error, String method) {
        if (error.sourceLine() == null || error.column() == null || error.column() < 1
                || error.column() > error.sourceLine().length()) {
            return null;
        }
        Matcher member = MEMBER_CALL.matcher(error.sourceLine().substring(error.column() - 1));
        return member.find() && member.group(2).equals(method) ? member.group(1) : null;
    }

    private static ExecutionError withMessage(ExecutionError error, String message) {
        return new ExecutionError(error.kind(), error.name(), message, error.line(), error.column(), error.sourceLine(),
                error.isolateReset());
    }

    static ExecutionError positioned(String kind, String name, String message, CodeOrigin.Position at, boolean reset) {
        return new ExecutionError(kind, name, withHint(name, message), at == null ? null : at.line(), at == null ? null : at.column(),
                at == null ? null : at.sourceLine(), reset);
    }

    private static String withHint(String name, String message) {
        if ("ReferenceError".equals(name)) {
            Matcher m = NOT_DEFINED.matcher(message);
            if (m.matches() && MISSING_GLOBALS.containsKey(m.group(1))) {
                return message + " (Paddock runs plain JavaScript: " + MISSING_GLOBALS.get(m.group(1)) + ")";
            }
        }
        if (message.startsWith("Operation is not allowed for: ")) {
            // GraalJS's words for a dynamic import() the sandbox refuses.
            return message + " (import() cannot load modules or files here; use the globals listed in the tool description)";
        }
        if ("SyntaxError".equals(name) && message.contains("import")) {
            return message + " (Paddock runs the code as a function body: there are no modules to import; "
                    + "use the globals listed in the tool description)";
        }
        return message;
    }

    /** The engine's syntax error, its message stripped of the engine's own "name:line:column" prefix. */
    static ExecutionError syntax(PolyglotException e, CodeOrigin origin) {
        if (e == null) return positioned("syntax", "SyntaxError", "the code could not be parsed", null, false);
        CodeOrigin.Position at = e.getSourceLocation() == null ? null
                : origin.map(e.getSourceLocation().getStartLine(), e.getSourceLocation().getStartColumn());
        String message = e.getMessage().lines().findFirst().orElse("")
                .replaceFirst("^SyntaxError: ", "")
                .replaceFirst("^\\S+:\\d+:\\d+ ", "");
        return positioned("syntax", "SyntaxError", message, at, false);
    }

    /** GraalJS's message for a body that does not parse alone: "<function>:line:column message", column 0-based. */
    private static final Pattern BODY_PROBLEM = Pattern.compile("^<function>:(\\d+):(\\d+) (.*)$");
    /** The body parsed to its end and something was left: a bracket closing more than the code opened. */
    private static final Pattern LEFT_OVER = Pattern.compile("^Expected eof but found (.+)$");

    /**
     * The parser's error for the code parsed alone as a function body, at the agent's line and column. A
     * bracket that closes more than the code opened gets words of its own: it would end the function early.
     *
     * @param problem what {@link GuestRuntime#functionBodyError} said
     * @param origin  maps a position of the checked function body (which keeps the wrapper's lines)
     */
    static ExecutionError bodySyntax(String problem, CodeOrigin origin) {
        String first = problem.lines().findFirst().orElse("");
        Matcher m = BODY_PROBLEM.matcher(first);
        if (!m.matches()) return positioned("syntax", "SyntaxError", first, null, false);
        CodeOrigin.Position at = origin.map(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + 1);
        Matcher leftOver = LEFT_OVER.matcher(m.group(3));
        String message = leftOver.matches()
                ? "unmatched " + leftOver.group(1) + ": it closes a bracket the code never opened (the code runs as the "
                        + "body of one async function, so it cannot end that function early)"
                : m.group(3);
        return positioned("syntax", "SyntaxError", message, at, false);
    }

    /** Fenced code labelled with a language other than JavaScript or TypeScript. */
    static ExecutionError foreignFence(AgentCode code) {
        AgentCode.Fence fence = code.fence();
        return new ExecutionError("syntax", "SyntaxError", "the code is fenced as '" + fence.language()
                + "', but Paddock runs only JavaScript or TypeScript: send JavaScript or TypeScript code, in a fence "
                + "labelled js or ts or without a fence", fence.line(), fence.column(), code.sourceLine(fence.line()), false);
    }

    /** Fenced code followed by more text: prose, or code that the fence leaves out. */
    static ExecutionError textAfterFence(AgentCode code) {
        int line = code.fence().textAfter();
        String text = code.sourceLine(line);
        int column = text.length() - text.stripLeading().length() + 1;
        return new ExecutionError("syntax", "SyntaxError", "the code goes on after its closing fence: send only the "
                + "code (one fenced block, or none), with any explanation in comments", line, column, text, false);
    }

    /** Code whose brackets nest so deeply that the parser ran out of stack. */
    static ExecutionError nestedTooDeeply() {
        return new ExecutionError("syntax", "SyntaxError", "the code nests brackets too deeply to be parsed (the parser "
                + "ran out of stack); nest less deeply, e.g. build deep data in a loop", null, null, null, false);
    }

    /** Code over {@link Limits#maxCodeBytes()}, refused before it is parsed. */
    static ExecutionError codeTooLarge(long bytes, Limits limits) {
        return new ExecutionError("code-size", "CodeSizeLimitExceeded", "the code is " + bytes + " bytes, over the "
                + limits.maxCodeBytes() + "-byte code-size limit; send less code per call (keep data out of the code: "
                + "read it with a capability or fetch, or split the work over several calls), or raise "
                + "limits.maxCodeBytes in paddock.json", null, null, null, false);
    }

    /** @param reset the watchdog had to close the context (always so for the memory stops that reset) */
    static ExecutionError stopped(StopReason reason, Duration wallLimit, Limits limits, boolean reset) {
        String lost = reset ? "; the isolate had to be reset, so its globals were lost" : "";
        String message = switch (reason) {
            case WALL_TIME -> "execution exceeded the " + wallLimit.toMillis() + " ms wall-time limit" + lost;
            case CPU_TIME -> "execution exceeded the " + limits.cpuTime().toMillis() + " ms CPU-time limit" + lost;
            case ALLOCATION -> "execution exceeded the " + (limits.maxAllocatedBytes() >> 20) + " MiB allocation limit"
                    + " (bytes allocated by this execution, freed or not); allocate less, e.g. process "
                    + "the data in smaller pieces, or raise limits.maxAllocatedBytes in paddock.json" + lost;
            case RETAINED_MEMORY -> "stopped: this execution kept more than " + (limits.maxRetainedBytes() >> 20) + " MiB of memory "
                    + "alive (the retained-memory limit); this session's globals were reset to free it. Keep "
                    + "less in memory at once (e.g. process the data in smaller pieces), or raise "
                    + "limits.maxRetainedBytes in paddock.json";
            case HEAP_PRESSURE -> "stopped: heap pressure; this session's globals were reset (the server's memory was "
                    + "nearly full and this execution had the largest share of its growth). The server's heap is set by "
                    + "PADDOCK_HEAP, the threshold by sandbox.heapPressure in paddock.json";
            case CLOSED -> "the session was closed while the code was running";
            case CANCELLED -> "execution was cancelled" + lost;
        };
        return new ExecutionError(reason.kind(), reason.errorName(), message, null, null, null,
                reset || reason.resetsIsolate());
    }

    /**
     * A value the agent's code threw where the host caught it (a rejected promise, an uncaught error in a
     * timer): its name and message as the standard library describes them, at the throw's position.
     */
    static ExecutionError thrown(GuestRuntime runtime, Value error, CodeOrigin origin, boolean reset) {
        JsonNode described = JsonMapper.shared().readTree(runtime.describeError(error));
        CodeOrigin.Position at = null;
        if (error.isException()) {
            try {
                error.throwException();
            } catch (PolyglotException e) {
                at = origin.map(e);
            }
        }
        // path(): a runtime bug must not surface as a NullPointerException instead of the agent's error.
        return positioned("runtime", described.path("name").asString("Error"),
                described.path("message").asString(""), at, reset);
    }

    /** No context could be had: every isolate under the cap is running or waiting for host work or timers. */
    static ExecutionError isolateCapReached(int cap) {
        return new ExecutionError("capacity", "IsolateCapReached", "the code did not start: this server already has "
                + cap + " isolates with an execution running or waiting for host calls or timers (the sandbox.maxIsolates "
                + "cap in paddock.json), and none is idle to make room. Nothing ran; retry when some have finished.",
                null, null, null, false);
    }

    /** A value the code returned that Paddock cannot read back as JSON, in the agent's words. */
    static ExecutionError unreadableResult(String why) {
        return new ExecutionError("output", "ResultNotReadable", why, null, null, null, false);
    }

    static ExecutionError neverSettled() {
        return new ExecutionError("runtime", "Error",
                "the code's promise never settled: it awaited something that can never complete "
                        + "(no timer or host call was pending). Make sure every Promise you await is resolved.",
                null, null, null, false);
    }

    static ExecutionError internal(String detail, CodeOrigin.Position at, boolean reset) {
        return positioned("internal", "InternalError", "Paddock failed while running the code: " + detail, at, reset);
    }

    /** An exception from the engine that is not a limit: guest errors, exhausted resources, bugs. */
    static ExecutionError fromEngine(PolyglotException e, CodeOrigin origin, boolean reset) {
        CodeOrigin.Position at = origin == null ? null : origin.map(e);
        if (e.isResourceExhausted()) {
            return positioned("memory", "ResourceExhausted", "execution ran out of resources: " + e.getMessage(), at, reset);
        }
        if (e.isSyntaxError() && origin != null) return syntax(e, origin);
        if (e.isGuestException()) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(": ");
            boolean named = colon > 0 && message.substring(0, colon).matches("\\w+");
            return positioned("runtime", named ? message.substring(0, colon) : "Error",
                    named ? message.substring(colon + 2) : message, at, reset);
        }
        return internal(e.getMessage(), at, reset);
    }
}
