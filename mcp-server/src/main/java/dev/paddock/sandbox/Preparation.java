package dev.paddock.sandbox;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * From the agent's text to a program: normalise it as JavaScript, and only when it does not parse, strip
 * TypeScript types and normalise the output. Parsing uses the isolate's own context without running
 * anything; the engine caches the parse, so evaluating the chosen source later costs nothing more.
 *
 * <p>All of it runs within the execution's limits: a stop request ends it between two parses, and the
 * transpiler (which can take seconds) is interrupted by the watchdog like any other code.
 */
final class Preparation {

    /** What preparing the code gave: a program to run, the reason it cannot run, or a stop. */
    sealed interface Prepared {}

    /**
     * A source known to parse that evaluates to the agent's async function, and where it came from. It
     * holds no value of any context, so the same program runs in any isolate ({@link PreparedPrograms}).
     */
    record Program(Source source, CodeOrigin origin) implements Prepared {}

    /** Neither JavaScript nor TypeScript parses the code: the error to show the agent. */
    record Refused(ExecutionError error) implements Prepared {}

    /** A stop was requested before the code was ready to run. */
    record Stopped() implements Prepared {}

    /** Strips the TypeScript types of a body; null when a stop came first. */
    interface TypeScript {
        TypeScriptTranspiler.Transpiled transpile(String body);
    }

    /** Unwinds preparation when a stop was requested: parsing itself cannot be interrupted. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super(null, null, false, false);
        }
    }

    private final Context context;
    private final GuestRuntime runtime;
    private final AgentCode code;
    private final StopSignal stop;

    private Preparation(Context context, GuestRuntime runtime, AgentCode code, StopSignal stop) {
        this.context = context;
        this.runtime = runtime;
        this.code = code;
        this.stop = stop;
    }

    static Prepared prepare(Context context, GuestRuntime runtime, AgentCode code, TypeScript typeScript, StopSignal stop) {
        if (code.fence() != null && !code.fence().runnable()) return new Refused(ExecutionErrors.foreignFence(code));
        if (code.fence() != null && code.fence().textAfter() > 0) return new Refused(ExecutionErrors.textAfterFence(code));
        ExecutionError bigInt = BigIntLiterals.check(code);
        if (bigInt != null) return new Refused(bigInt);
        try {
            return new Preparation(context, runtime, code, stop).prepare(typeScript);
        } catch (StopRequested e) {
            return new Stopped();
        } catch (PolyglotException e) {
            // The parsers recurse once per bracket: thousands of nested ones exhaust the stack.
            if (e.isResourceExhausted() && !stop.requested()) return new Refused(ExecutionErrors.nestedTooDeeply());
            throw e;
        }
    }

    private Prepared prepare(TypeScript typeScript) {
        CodeNormalizer.Wrapped wrapped = CodeNormalizer.normalize(code.body(), this::parses);
        if (wrapped != null) return confined(wrapped, code.body(), null);
        ExecutionError js = syntaxError(code.body(), null);
        TypeScriptTranspiler.Transpiled ts;
        try {
            ts = typeScript.transpile(code.body());
        } catch (RuntimeException e) {
            if (stop.requested()) throw new StopRequested();
            // Without the compiler the JavaScript error is the best we have.
            return new Refused(js);
        }
        if (ts == null) throw new StopRequested();
        if (ts.error() != null) return new Refused(moreHelpful(js, ts.error()));
        CodeNormalizer.Wrapped transpiled = CodeNormalizer.normalize(ts.code(), this::parses);
        if (transpiled == null) return new Refused(syntaxError(ts.code(), ts.map()));
        return confined(transpiled, ts.code(), ts.map());
    }

    /**
     * The program, once its body is known to parse on its own as the body of one function. The wrapper is
     * text around the agent's text, so code like {@code return 1 \n}) \n(async () => {} } can close it early
     * and open another: that parses, but as something else than the agent's function.
     */
    private Prepared confined(CodeNormalizer.Wrapped wrapped, String body, SourceMap typeScript) {
        // Closing the function early takes a `}` of the body's own: without one there is nothing to check.
        String functionBody = wrapped.functionBody();
        String problem = functionBody.indexOf('}') < 0 ? null : bodyError(functionBody);
        if (problem == null) {
            // The normaliser parsed this very text: the engine has it cached already.
            return new Program(agentSource(wrapped.source()), new CodeOrigin(code, wrapped, typeScript));
        }
        // The expression shape adds "return (": the mistake is clearer in the code as statements.
        if (wrapped.isExpression()) return new Refused(syntaxError(body, typeScript));
        return new Refused(ExecutionErrors.bodySyntax(problem, new CodeOrigin(code, wrapped, typeScript)));
    }

    /**
     * The parser's error for a body that does not parse. Parsed alone, as a function body, the parser also
     * catches a bracket that closes the function early; the wrapped source's own error is the fallback.
     */
    private ExecutionError syntaxError(String body, SourceMap typeScript) {
        CodeOrigin origin = new CodeOrigin(code, plainWrapper(), typeScript);
        String alone = bodyError(CodeNormalizer.plainBody(body));
        if (alone != null) {
            ExecutionError error = ExecutionErrors.bodySyntax(alone, origin);
            if (error.line() != null) return error;
        }
        return ExecutionErrors.syntax(parseError(CodeNormalizer.plain(body)), origin);
    }

    /**
     * Both parsers refuse the code. In TypeScript the JavaScript parser stops at the first type annotation,
     * before the real mistake; in plain JavaScript its message is the more precise one.
     */
    private ExecutionError moreHelpful(ExecutionError js, TypeScriptTranspiler.Diagnostic ts) {
        int line = code.originalLine(ts.line());
        boolean jsAtOrAfter = js.line() != null && (js.line() > line
                || (js.line() == line && js.column() != null && js.column() >= ts.column()));
        if (jsAtOrAfter) return js;
        return new ExecutionError("syntax", "SyntaxError", ts.message(), line, ts.column(), code.sourceLine(line), false);
    }

    private static CodeNormalizer.Wrapped plainWrapper() {
        return new CodeNormalizer.Wrapped("", false, 0, 0);
    }

    private boolean parses(String source) {
        PolyglotException e = parseError(source);
        if (e != null && !e.isSyntaxError()) throw e;
        return e == null;
    }

    private PolyglotException parseError(String source) {
        if (stop.requested()) throw new StopRequested();
        try {
            context.parse(agentSource(source));
            return null;
        } catch (PolyglotException e) {
            return e;
        }
    }

    private String bodyError(String functionBody) {
        if (stop.requested()) throw new StopRequested();
        return runtime.functionBodyError(functionBody);
    }

    private static Source agentSource(String text) {
        return Source.newBuilder("js", text, CodeOrigin.SOURCE_NAME).buildLiteral();
    }
}
