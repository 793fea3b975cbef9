package dev.paddock.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.paddock.server.PaddockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.graalvm.polyglot.Engine;

/**
 * What this JVM gives Paddock: the JDK, GraalJS and whether it compiles JavaScript (and why not), and the
 * heap. Probed once per process, because only a started GraalJS engine knows which runtime it got.
 *
 * @param graalJs the GraalJS (polyglot) version on the class or module path
 */
record RuntimeFacts(Runtime.Version java, String javaVendor, Path javaHome, String graalJs, JsMode mode, Heap heap) {
    /** The launcher's young-generation cap, which keeps the heap guard's readings frequent (jvm-memory.options). */
    static final int YOUNG_GENERATION_PERCENT = 15;
    private static final String COMPILER_MODULE = "jdk.graal.compiler";

    /**
     * @param jit        true when the Graal compiler compiles hot JavaScript
     * @param deliberate the interpreter was asked for (PADDOCK_JIT=off)
     * @param why        what made GraalJS run this way and, for the interpreter, what would give the JIT
     */
    record JsMode(boolean jit, boolean deliberate, String why) {
        String label() {
            return jit ? "JIT" : "interpreter";
        }
    }

    /**
     * @param maxBytes       the most heap the JVM will use; the heap guard acts at a fraction of it
     * @param explicit       set with -Xmx (as the launcher does from PADDOCK_HEAP), not the JVM's own choice
     * @param youngCapped    the young generation capped as the launcher does it
     */
    record Heap(long maxBytes, boolean explicit, boolean youngCapped) {}

    static RuntimeFacts current() {
        return Probed.FACTS;
    }

    /** One line for --version and the top of doctor: {@code paddock 0.1.0 (GraalJS 25.0.3, Java 25.0.3 Temurin, JIT)}. */
    String summary() {
        return "paddock " + PaddockServer.version() + " (GraalJS " + graalJs + ", Java " + javaRelease() + " " + javaVendor
                + ", " + mode.label() + ")";
    }

    /** 25.0.3, without the build number. */
    String javaRelease() {
        return java.feature() + "." + java.interim() + "." + java.update();
    }

    private static final class Probed {
        static final RuntimeFacts FACTS = probe();
    }

    private static RuntimeFacts probe() {
        String graalJs = graalJsVersion();
        return new RuntimeFacts(Runtime.version(), vendor(), Path.of(System.getProperty("java.home")), graalJs,
                mode(graalJs), probeHeap());
    }

    private static JsMode mode(String graalJs) {
        boolean jvmci = ModuleLayer.boot().findModule(JitChoice.JVMCI_MODULE).isPresent();
        // Without JVMCI nothing can compile JavaScript, so there is no need to start an engine (seconds) to know.
        if (jvmci && engineOptimizes()) {
            String compiler = ModuleLayer.boot().findModule(COMPILER_MODULE)
                    .flatMap(m -> m.getDescriptor().rawVersion()).map(v -> " " + v).orElse("");
            return new JsMode(true, false, "the Graal compiler" + compiler + " compiles hot JavaScript (JVMCI)");
        }
        // paddock.jar's restart (JarLauncher) puts GraalJS on the module path, and honours PADDOCK_JIT=off by leaving
        // JVMCI off.
        if (Engine.class.getModule().isNamed() && "off".equals(System.getenv("PADDOCK_JIT"))) {
            return new JsMode(false, true, "PADDOCK_JIT=off");
        }
        return new JsMode(false, false, interpreterReason(graalJs, jvmci));
    }

    private static boolean engineOptimizes() {
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build()) {
            // Truffle names its fallback runtime "Interpreted", as Sandbox.runtimeMode() reads it too.
            return !"Interpreted".equalsIgnoreCase(engine.getImplementationName());
        }
    }

    /** The launchers' reasons in their order (JitChoice), then what only the running JVM can tell. */
    private static String interpreterReason(String graalJs, boolean jvmci) {
        Optional<String> launcher = JitChoice.unavailable(graalJs, "on");
        if (launcher.isPresent()) return launcher.get();
        if (!jvmci) {
            String how = Engine.class.getModule().isNamed() ? "" : " (GraalJS on the class path)";
            return "JVMCI is off" + how + ": the JIT needs -XX:+EnableJVMCI and the Graal compiler; java -jar paddock.jar "
                    + "and scripts/paddock run it";
        }
        if (ModuleLayer.boot().findModule(COMPILER_MODULE).isEmpty()) {
            return "the Graal compiler is not loaded: the JIT needs --upgrade-module-path=<the Graal compiler jar>; "
                    + "java -jar paddock.jar and scripts/paddock add it";
        }
        return "GraalJS chose its interpreter although JVMCI and the compiler are loaded; "
                + "-Dpolyglot.engine.WarnInterpreterOnly=true makes it say why";
    }

    private static String graalJsVersion() {
        try (InputStream in = Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
            return in == null ? "(unknown version)" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    /** "Temurin" from java.vendor.version "Temurin-25.0.3+9", else the vendor's name. */
    private static String vendor() {
        String vendorVersion = System.getProperty("java.vendor.version");
        if (vendorVersion != null && !vendorVersion.isBlank()) return vendorVersion.split("-", 2)[0];
        return System.getProperty("java.vendor", "unknown vendor");
    }

    private static Heap probeHeap() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean explicit = option(vm, "MaxHeapSize")
                .map(o -> o.getOrigin() != VMOption.Origin.DEFAULT && o.getOrigin() != VMOption.Origin.ERGONOMIC)
                .orElse(false);
        boolean youngCapped = option(vm, "G1MaxNewSizePercent")
                .map(o -> Integer.parseInt(o.getValue()) <= YOUNG_GENERATION_PERCENT).orElse(false);
        return new Heap(Runtime.getRuntime().maxMemory(), explicit, youngCapped);
    }

    /** Empty where this JVM lacks the option, or hides it (experimental options without the unlock flag). */
    private static Optional<VMOption> option(HotSpotDiagnosticMXBean vm, String name) {
        if (vm == null) return Optional.empty();
        try {
            return Optional.of(vm.getVMOption(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
