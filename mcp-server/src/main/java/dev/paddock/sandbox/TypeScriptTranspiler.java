package dev.paddock.sandbox;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import tools.jackson.databind.JsonNode;

/**
 * Strips TypeScript types with the real TypeScript compiler (the typescript webjar), loaded once into a
 * dedicated context on the shared engine. Loading takes seconds, so the sandbox starts it in the
 * background; a context is single-threaded, so transpiling is serialised.
 */
final class TypeScriptTranspiler implements AutoCloseable {

    private static final String WEBJAR = "META-INF/resources/webjars/typescript/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/typescript/pom.properties";

    /** Type stripping only: ESNext in, ESNext out, so the output is the agent's code minus the types. */
    private static final String BRIDGE = """
            (function (source) {
              const out = ts.transpileModule(source, {
                fileName: 'agent.ts',
                reportDiagnostics: true,
                compilerOptions: {
                  target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, sourceMap: true,
                  removeComments: false, isolatedModules: true, verbatimModuleSyntax: false,
                },
              });
              const diagnostics = (out.diagnostics || []).map(d => {
                const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : {line: 0, character: 0};
                return {line: at.line + 1, column: at.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, '\\n')};
              });
              return JSON.stringify({code: out.outputText, map: JSON.parse(out.sourceMapText || '{"mappings":""}').mappings, diagnostics});
            })
            """;

    /** The transpiled code with its map back to the TypeScript, or the compiler's first syntax error. */
    record Transpiled(String code, SourceMap map, Diagnostic error) {}

    /** A TypeScript syntax error at a 1-based line and column of the input. */
    record Diagnostic(int line, int column, String message) {}

    private final Engine engine;
    /** Volatile so close() can cancel a load in progress without waiting for the lock it holds. */
    private volatile Context context;
    private volatile boolean closed;
    private Value transpile;
    private RuntimeException loadFailure;
    private long loadMillis = -1;

    TypeScriptTranspiler(Engine engine) {
        this.engine = engine;
    }

    /** Loads the compiler if not yet loaded; safe to call from a background thread at startup. */
    synchronized void load() {
        if (transpile != null || loadFailure != null) return;
        long start = System.nanoTime();
        try {
            context = Contexts.newContext(engine);
            if (closed) context.close(true);
            context.eval(Source.newBuilder("js", readCompiler(), "typescript.js").build());
            transpile = context.eval(Source.create("js", BRIDGE));
            loadMillis = (System.nanoTime() - start) / 1_000_000;
        } catch (IOException e) {
            loadFailure = new UncheckedIOException("cannot read the TypeScript compiler from its webjar", e);
        } catch (RuntimeException e) {
            loadFailure = e;
        }
    }

    /** Milliseconds the compiler took to load, or -1 before it has loaded. */
    synchronized long loadMillis() {
        return loadMillis;
    }

    synchronized Transpiled transpile(String typeScript) {
        load();
        if (loadFailure != null) throw loadFailure;
        JsonNode out = JsonMapper.shared().readTree(transpile.execute(typeScript).asString());
        JsonNode diagnostics = out.get("diagnostics");
        if (!diagnostics.isEmpty()) {
            JsonNode d = diagnostics.get(0);
            return new Transpiled(null, null,
                    new Diagnostic(d.get("line").asInt(), d.get("column").asInt(), d.get("message").asString()));
        }
        String code = out.get("code").asString().replaceFirst("\\n?//# sourceMappingURL=\\S*\\s*$", "");
        return new Transpiled(code, SourceMap.decode(out.get("map").asString()), null);
    }

    private static String readCompiler() throws IOException {
        ClassLoader loader = TypeScriptTranspiler.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) throw new IOException(POM_PROPERTIES + " is not on the class path");
            pom.load(in);
        }
        String path = WEBJAR + pom.getProperty("version") + "/lib/typescript.js";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) throw new IOException(path + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Cancels a load in progress rather than waiting seconds for it: shutdown must be prompt. */
    @Override
    public void close() {
        closed = true;
        Context c = context;
        if (c != null) {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }
}
