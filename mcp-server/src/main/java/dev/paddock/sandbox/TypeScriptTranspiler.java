package dev.paddock.sandbox;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Strips TypeScript types with the real TypeScript compiler (the typescript webjar). A context may run one
 * thread at a time, so the compiler is loaded into a small pool of contexts on the shared engine, and each
 * execution borrows one for its transpile: the watchdog can interrupt (or close) the one an execution holds
 * without touching anyone else's. Loading takes seconds, so it happens on a loader thread of the sandbox's,
 * never on an execution's own thread: the first when the first TypeScript arrives (its wait counts against
 * that execution's limits, and a stop ends the wait), more while every loaded compiler is lent out.
 */
final class TypeScriptTranspiler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TypeScriptTranspiler.class);
    private static final String WEBJAR = "META-INF/resources/webjars/typescript/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/typescript/pom.properties";
    /** How often a borrower waiting for a compiler looks at its stop signal. */
    private static final long WAIT_POLL_MILLIS = 10;

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

    private final SharedEngine engine;
    private final ExecutorService loader;
    private final int size;
    private final LinkedBlockingDeque<Compiler> idle = new LinkedBlockingDeque<>();
    // Guarded by this: compilers loaded or loading, whether one is loading, why loading cannot work at all.
    private int compilers;
    private boolean loadingOne;
    private RuntimeException loadFailure;
    private volatile boolean closed;
    private volatile boolean loadedOnce;
    /** The compiler's text, read once on the loader thread: every compiler evaluates the same Source. */
    private Source source;
    /** The context a load is filling now, closed by close() rather than waited for. */
    private volatile Context loading;

    /**
     * @param size   at most this many compilers (executions transpiling at once; more would wait for one)
     * @param loader where compilers load: a thread whose allocation the heap guard counts as the sandbox's
     */
    TypeScriptTranspiler(SharedEngine engine, int size, ExecutorService loader) {
        if (size < 1) throw new IllegalArgumentException("size must be at least 1");
        this.engine = engine;
        this.size = size;
        this.loader = loader;
    }

    /**
     * A compiler for one transpile, waiting while all are lent out; null when {@code stop} was requested
     * first (an interrupt of the waiting thread requests it). Closing the lease gives the compiler back.
     *
     * @throws RuntimeException when the compiler cannot be loaded at all
     */
    Lease borrow(StopSignal stop) {
        while (!stop.requested()) {
            if (closed) throw new IllegalStateException("the sandbox is closed");
            Compiler compiler = idle.poll();
            if (compiler == null) {
                growIfAllLent();
                try {
                    compiler = idle.poll(WAIT_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.request(StopReason.CANCELLED);
                    return null;
                }
            }
            if (compiler != null) return new Lease(compiler);
        }
        return null;
    }

    /**
     * Loads one more compiler in the background when none is idle or loading and the pool may grow. One
     * load at a time: a borrower still waiting when it ends asks for the next.
     */
    private void growIfAllLent() {
        synchronized (this) {
            if (loadFailure != null) throw loadFailure;
            if (closed || loadingOne || !idle.isEmpty() || compilers >= size) return;
            compilers++;
            loadingOne = true;
        }
        try {
            loader.execute(this::loadOne);
        } catch (RuntimeException e) {
            // The loader was shut down: the sandbox is closing.
            failed(e, false);
        }
    }

    /** On the loader thread. */
    private void loadOne() {
        long start = System.nanoTime();
        Compiler compiler;
        try {
            if (source == null) source = Source.newBuilder("js", readCompiler(), "typescript.js").build();
            compiler = Compiler.load(engine, this);
        } catch (IOException e) {
            failed(new UncheckedIOException("cannot read the TypeScript compiler from its webjar", e), true);
            return;
        } catch (RuntimeException e) {
            if (closed) return;
            // Before any compiler loaded this build cannot load one: every later transpile says so at once.
            // After that it was this load (heap pressure, say): the next borrower that needs one tries again.
            LOG.warn("loading the TypeScript compiler failed", e);
            failed(e, !loadedOnce);
            return;
        }
        loadedOnce = true;
        LOG.debug("a TypeScript compiler loaded in {} ms (at most {})", (System.nanoTime() - start) / 1_000_000, size);
        giveBack(compiler);
        synchronized (this) {
            loadingOne = false;
        }
    }

    private synchronized void failed(RuntimeException e, boolean forGood) {
        if (forGood) loadFailure = e;
        compilers--;
        loadingOne = false;
    }

    /** A compiler went away (discarded, or its load never started). */
    private synchronized void lost() {
        compilers--;
    }

    private void giveBack(Compiler compiler) {
        idle.add(compiler);
        // close() may have emptied the pool meanwhile: then this one must not stay open.
        if (closed && idle.remove(compiler)) compiler.close();
    }

    /** The compiler loaded into one context: used by one borrower at a time. */
    private static final class Compiler {
        private final Context context;
        private final Value transpile;

        private Compiler(Context context, Value transpile) {
            this.context = context;
            this.transpile = transpile;
        }

        static Compiler load(SharedEngine engine, TypeScriptTranspiler pool) {
            Context context = engine.newContext();
            pool.loading = context;
            try {
                if (pool.closed) throw new IllegalStateException("the sandbox is closed");
                context.eval(pool.source);
                return new Compiler(context, context.eval(Source.create("js", BRIDGE)));
            } catch (RuntimeException e) {
                close(context);
                throw e;
            } finally {
                pool.loading = null;
            }
        }

        Transpiled transpile(String typeScript) {
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

        void close() {
            close(context);
        }

        static void close(Context context) {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }

    /**
     * One execution's use of one compiler. The watchdog interrupts or closes it from its own thread while
     * the execution transpiles; the lock makes sure neither lands on the compiler once it is given back
     * and perhaps lent to someone else.
     */
    final class Lease implements AutoCloseable {
        private final Compiler compiler;
        // Guarded by this.
        private boolean returned;
        private boolean discarded;

        private Lease(Compiler compiler) {
            this.compiler = compiler;
        }

        Transpiled transpile(String typeScript) {
            return compiler.transpile(typeScript);
        }

        /** Interrupts the transpile in progress; the compiler stays usable. */
        synchronized void interrupt(Duration wait) throws TimeoutException {
            if (returned || discarded) return;
            try {
                compiler.context.interrupt(wait);
            } catch (IllegalStateException e) {
                // Closed meanwhile: nothing left to interrupt.
            }
        }

        /** Closes the compiler under a transpile that ignored interrupts; a fresh one loads when needed. */
        synchronized void discard() {
            if (returned || discarded) return;
            discarded = true;
            compiler.close();
        }

        /** Gives the compiler back, unless it was discarded. */
        @Override
        public void close() {
            synchronized (this) {
                if (returned) return;
                returned = true;
            }
            if (discarded) lost();
            else giveBack(compiler);
        }
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
        loader.shutdownNow();
        Context inProgress = loading;
        if (inProgress != null) Compiler.close(inProgress);
        for (Compiler c = idle.poll(); c != null; c = idle.poll()) c.close();
    }
}
