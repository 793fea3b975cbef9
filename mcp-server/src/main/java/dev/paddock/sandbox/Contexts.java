package dev.paddock.sandbox;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * How every engine and context in Paddock is configured. CONSTRAINED denies host classes, IO, threads and
 * native access; the js options remove the shell globals ({@code load}, {@code print}, {@code Graal}).
 * Output streams go nowhere: console output reaches the host through the prelude's hook, not stdout.
 */
final class Contexts {

    private Contexts() {}

    static Engine newEngine() {
        return Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                // Without the Graal JIT the engine warns on stderr at every start; the server logs the
                // mode instead (Sandbox.runtimeMode()).
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    static Context newContext(Engine engine) {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                // GraalJS's own TextEncoder/TextDecoder (WHATWG Encoding), which the prelude uses as well.
                .option("js.text-encoding", "true")
                .build();
        // No shared memory (docs/containment.md): Atomics.wait then has nothing to block on, and there is no
        // racing-counter timer. CONSTRAINED forbids the js.shared-array-buffer option, so the global goes.
        context.getBindings("js").removeMember("SharedArrayBuffer");
        return context;
    }
}
