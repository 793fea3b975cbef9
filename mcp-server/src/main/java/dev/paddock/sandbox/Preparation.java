package dev.paddock.sandbox;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * From the agent's text to a parsed program: normalise it as JavaScript, and only when it does not parse,
 * strip TypeScript types and normalise the output. Parsing uses the isolate's own context without running
 * anything; the engine caches the parse, so evaluating the chosen source later costs nothing more.
 */
final class Preparation {

    /** What preparing the code gave: a program to run, or the reason it cannot run. */
    sealed interface Prepared {}

    /** A program that evaluates to the agent's async function, and where its source came from. */
    record Program(Value program, CodeOrigin origin) implements Prepared {}

    /** Neither JavaScript nor TypeScript parses the code: the error to show the agent. */
    record Refused(ExecutionError error) implements Prepared {}

    private Preparation() {}

    static Prepared prepare(Context context, AgentCode code, TypeScriptTranspiler typeScript) {
        CodeNormalizer.SyntaxCheck check = source -> parses(context, source);
        CodeNormalizer.Wrapped wrapped = CodeNormalizer.normalize(code.body(), check);
        if (wrapped != null) {
            return new Program(context.parse(agentSource(wrapped.source())), new CodeOrigin(code, wrapped, null));
        }
        PolyglotException jsError = syntaxError(context, CodeNormalizer.plain(code.body()));
        ExecutionError js = ExecutionErrors.syntax(jsError, new CodeOrigin(code, plainWrapper(), null));
        TypeScriptTranspiler.Transpiled ts;
        try {
            ts = typeScript.transpile(code.body());
        } catch (RuntimeException e) {
            // Without the compiler the JavaScript error is the best we have.
            return failed(js);
        }
        if (ts.error() != null) return failed(moreHelpful(js, ts.error(), code));
        CodeNormalizer.Wrapped transpiled = CodeNormalizer.normalize(ts.code(), check);
        if (transpiled == null) {
            PolyglotException e = syntaxError(context, CodeNormalizer.plain(ts.code()));
            return failed(ExecutionErrors.syntax(e, new CodeOrigin(code, plainWrapper(), ts.map())));
        }
        CodeOrigin origin = new CodeOrigin(code, transpiled, ts.map());
        return new Program(context.parse(agentSource(transpiled.source())), origin);
    }

    /**
     * Both parsers refuse the code. In TypeScript the JavaScript parser stops at the first type annotation,
     * before the real mistake; in plain JavaScript its message is the more precise one.
     */
    private static ExecutionError moreHelpful(ExecutionError js, TypeScriptTranspiler.Diagnostic ts, AgentCode code) {
        int line = code.originalLine(ts.line());
        boolean jsAtOrAfter = js.line() != null && (js.line() > line
                || (js.line() == line && js.column() != null && js.column() >= ts.column()));
        if (jsAtOrAfter) return js;
        return new ExecutionError("syntax", "SyntaxError", ts.message(), line, ts.column(), code.sourceLine(line), false);
    }

    private static Prepared failed(ExecutionError error) {
        return new Refused(error);
    }

    private static CodeNormalizer.Wrapped plainWrapper() {
        return new CodeNormalizer.Wrapped("", false, 0, 0);
    }

    private static boolean parses(Context context, String source) {
        PolyglotException e = syntaxError(context, source);
        if (e != null && !e.isSyntaxError()) throw e;
        return e == null;
    }

    private static PolyglotException syntaxError(Context context, String source) {
        try {
            context.parse(agentSource(source));
            return null;
        } catch (PolyglotException e) {
            return e;
        }
    }

    private static Source agentSource(String text) {
        return Source.newBuilder("js", text, CodeOrigin.SOURCE_NAME).buildLiteral();
    }
}
