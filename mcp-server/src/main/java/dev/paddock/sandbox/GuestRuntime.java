package dev.paddock.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The prelude (standard library + runtime, the files under {@code prelude/}) installed in one context, and
 * the handles the host uses to drive it. The hooks are passed to the prelude as arguments, so agent code
 * can reach them only through the standard library built on them.
 *
 * <p>{@code intrinsics.js} runs first and returns one frozen object: the built-ins captured before any
 * other code runs, plus the hooks. Each further file is a function of that object ({@code lib}) returning
 * its exports, which the next file sees on top of the earlier ones in a new frozen {@code lib};
 * {@code runtime.js}, last, returns what the host drives.
 */
final class GuestRuntime {

    /** What the standard library asks of the host; called on the isolate's thread while code runs. */
    interface Hooks {
        void log(String level, String message);

        void setTimer(long id, long delayMillis);

        void clearTimer(long id);

        /** {@code count} random bytes from a secure generator, as lowercase hex. */
        String randomHex(int count);

        /** Milliseconds since the isolate started, for performance.now(). */
        double clockMillis();

        /** An error thrown by a timer or microtask callback, nobody else can catch it. */
        void uncaught(Value error);

        /** A capability or fetch call; settles by calling resolve(json) or reject(name, message, code) later. */
        void hostCall(String namespace, String method, String argumentsJson, Value resolve, Value reject);

        /** The execution running now, as a number unique in the process; 0 between executions. */
        long executionId();
    }

    /** The prelude's files in dependency order: each may use what the ones before it export. */
    private static final List<String> FILES = List.of(
            "intrinsics.js", "guards.js", "values.js", "encoding.js", "console.js", "timers.js", "finalization.js", "crypto.js", "clone.js",
            "url.js", "json.js", "host.js", "fetch.js", "runtime.js");

    /** One Source for all contexts, so the shared engine parses the prelude once. */
    private static final Source PRELUDE = assemble();

    private final Value run;
    private final Value fireTimer;
    private final Value serialize;
    private final Value describeError;
    private final Value installApis;
    private final Value functionBodyError;

    private GuestRuntime(Value runtime) {
        this.run = runtime.getMember("run");
        this.fireTimer = runtime.getMember("fireTimer");
        this.serialize = runtime.getMember("serialize");
        this.describeError = runtime.getMember("describeError");
        this.installApis = runtime.getMember("installApis");
        this.functionBodyError = runtime.getMember("functionBodyError");
    }

    static GuestRuntime install(Context context, Hooks hooks) {
        ProxyExecutable log = args -> {
            hooks.log(args[0].asString(), args[1].asString());
            return null;
        };
        ProxyExecutable setTimer = args -> {
            hooks.setTimer(args[0].asLong(), args[1].asLong());
            return null;
        };
        ProxyExecutable clearTimer = args -> {
            hooks.clearTimer(args[0].asLong());
            return null;
        };
        ProxyExecutable random = args -> hooks.randomHex(args[0].asInt());
        ProxyExecutable clock = args -> hooks.clockMillis();
        ProxyExecutable uncaught = args -> {
            hooks.uncaught(args[0]);
            return null;
        };
        ProxyExecutable hostCall = args -> {
            hooks.hostCall(args[0].asString(), args[1].asString(), args[2].asString(), args[3], args[4]);
            return null;
        };
        ProxyExecutable execution = args -> hooks.executionId();
        Value factory = context.eval(PRELUDE);
        return new GuestRuntime(factory.execute(log, setTimer, clearTimer, random, clock, uncaught, hostCall, execution));
    }

    /**
     * Drops the timers of earlier executions, calls the agent's function and reports its settled value to
     * exactly one of the two callbacks.
     */
    void run(Value function, boolean callIfFunction, ProxyExecutable resolve, ProxyExecutable reject) {
        run.execute(function, callIfFunction, resolve, reject);
    }

    /** Installs capability namespaces as frozen globals: {@code {"files": ["read", "list"]}} as JSON text. */
    void installApis(String namespacesJson) {
        installApis.execute(namespacesJson);
    }

    /**
     * Null when the text parses on its own as the body of an async function; else the parser's message,
     * "{@code <function>:line:column message}" with a 0-based column.
     */
    String functionBodyError(String body) {
        Value message = functionBodyError.execute(body);
        return message.isNull() ? null : message.asString();
    }

    void fireTimer(long id) {
        fireTimer.execute(id);
    }

    /** The value as JSON text; {@code complete} is false when it was cut at {@code maxChars}. */
    Serialized serialize(Value value, int maxChars) {
        Value out = serialize.execute(value, maxChars);
        return new Serialized(out.getMember("json").asString(), out.getMember("complete").asBoolean());
    }

    record Serialized(String json, boolean complete) {}

    /** {name, message} of a thrown value as JSON text; never throws for odd values. */
    String describeError(Value error) {
        return describeError.execute(error).asString();
    }

    /**
     * The files chained in one function of the hooks: each file's text is a function expression, called
     * with the lib the files before it built. One Source parsed once per engine and one evaluation per
     * context, as when the prelude was a single file, instead of twelve host-to-guest crossings per isolate.
     */
    private static Source assemble() {
        StringBuilder js = new StringBuilder("(function (...hooks) {\n  let lib = (")
                .append(read(FILES.getFirst())).append(")(...hooks);\n");
        for (String file : FILES.subList(1, FILES.size() - 1)) {
            js.append("  lib = lib.extend(lib, (").append(read(file)).append(")(lib));\n");
        }
        js.append("  return (").append(read(FILES.getLast())).append(")(lib);\n})");
        // Internal: its frames stay out of the agent's stack traces.
        return Source.newBuilder("js", js.toString(), "paddock-prelude.js").internal(true).buildLiteral();
    }

    private static String read(String file) {
        try (InputStream in = GuestRuntime.class.getResourceAsStream("prelude/" + file)) {
            if (in == null) throw new IllegalStateException("prelude/" + file + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
