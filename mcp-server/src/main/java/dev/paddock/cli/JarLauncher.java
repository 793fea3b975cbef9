package dev.paddock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code java -jar paddock.jar} runs once {@link JavaVersionGate} found the Java version enough: it
 * starts the JVM again the way scripts/paddock starts it. GraalJS's optimizing runtime needs polyglot and
 * Truffle as named modules and the Graal compiler as an upgraded JVMCI module, which no option of a running
 * JVM can add, so paddock.jar carries those jars ({@link GraalRuntimeCache}) and the second JVM gets them on
 * its module path, with JVMCI where {@link JitChoice} says the JDK fits, else interpreted with one line on
 * stderr saying why. It also gets the launcher's JVM memory settings ({@code jvm-memory.options} and the heap
 * from {@code PADDOCK_HEAP}), which the heap guard relies on, unless the caller gave their own: a setting the
 * caller gave is never replaced, and all the caller's options are passed on. The restarted JVM inherits
 * stdin, stdout and stderr as they are (no copying, so the protocol passes byte for byte), a SIGTERM or
 * SIGINT to this one stops it the same way, its exit code becomes this one's, and it stops by itself if this
 * one is killed outright: no process is left behind.
 */
final class JarLauncher {
    /** Marks the restarted JVM, which must not restart again. */
    static final String RESTARTED = "paddock.restarted";
    private static final String DEFAULT_HEAP = "2g";
    private static final String UNSAFE_ACCESS = "--sun-misc-unsafe-memory-access";
    /** Options the JVM reads from the environment; they are among the input arguments passed on already. */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private JarLauncher() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (System.getProperty(RESTARTED) != null) {
            endWithParent();
            Main.main(args);
            return;
        }
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) {
            // Run from classes (a test, an IDE): GraalJS is on the class path already.
            Main.main(args);
            return;
        }
        Launch launch;
        try {
            launch = launch(jar.get(), args, System.getenv());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("paddock: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(launch));
    }

    /** The restarted JVM's command, and the AOT cache recording to run beside it, if one is due. */
    record Launch(List<String> command, Optional<AotCache.Training> training) {}

    /** Starts the JVM again: the same java, the caller's options, GraalJS's module path. */
    static Launch launch(Path jar, String[] args, Map<String, String> environment) throws IOException {
        String jitSwitch = JitChoice.jitSwitch(environment.get("PADDOCK_JIT"));
        GraalRuntimeCache graal = GraalRuntimeCache.of(jar, environment);
        String graalVersion = graal.version();
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> jvm = new ArrayList<>();
        jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        jvm.addAll(missing(settings(environment.get("PADDOCK_HEAP")), given));
        // Truffle still calls sun.misc.Unsafe; unless the caller decided, spare them JDK 25's warning block.
        if (given.stream().noneMatch(option -> option.startsWith(UNSAFE_ACCESS))) jvm.add(UNSAFE_ACCESS + "=allow");
        // The JVM's own warnings (an AOT cache it cannot map, say) go to stdout by default: stdout is the protocol.
        jvm.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"));
        jvm.add("--module-path=" + graal.modules());
        jvm.add("--add-modules=org.graalvm.polyglot");
        jvm.add("--enable-native-access=org.graalvm.truffle");
        Optional<String> interpreted = JitChoice.unavailable(graalVersion, jitSwitch);
        if (interpreted.isEmpty()) {
            jvm.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                    "--upgrade-module-path=" + graal.compiler()));
        } else {
            System.err.println("paddock: GraalJS runs interpreted: " + interpreted.get() + ".");
        }
        jvm.addAll(given);
        jvm.add("-D" + RESTARTED + "=true");
        List<String> command = new ArrayList<>(jvm);
        Optional<AotCache.Training> training = Optional.empty();
        boolean callerChoseSharing = given.stream().anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-Xshare")
                || o.startsWith("-XX:SharedArchiveFile"));
        if (interpreted.isPresent() && !callerChoseSharing && !"off".equals(environment.get("PADDOCK_AOT"))) {
            AotCache aot = AotCache.in(graal.folder(), jar, jvm);
            if (aot.present()) command.add(aot.useOption());
            else training = Optional.of(aot.recordLater(jvm, jar));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return new Launch(command, training);
    }

    /** The launcher's memory settings, the heap first. */
    static List<String> settings(String heap) {
        List<String> settings = new ArrayList<>();
        settings.add("-Xmx" + (heap == null || heap.isBlank() ? DEFAULT_HEAP : heap.strip()));
        try (InputStream in = JarLauncher.class.getResourceAsStream("jvm-memory.options")) {
            if (in == null) throw new IllegalStateException("jvm-memory.options is missing from paddock.jar");
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(settings::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** The settings the JVM was not given: a heap size in any form counts as the heap, any collector as the collector. */
    static List<String> missing(List<String> settings, List<String> given) {
        List<String> setKeys = given.stream().map(JarLauncher::key).toList();
        return settings.stream().filter(setting -> !setKeys.contains(key(setting))).toList();
    }

    /** What an option sets: {@code -Xmx2g} and {@code -XX:MaxRAMPercentage=75} both set the heap. */
    private static String key(String option) {
        if (option.startsWith("-Xmx") || option.matches("-XX:(MaxHeapSize|MaxRAM|MaxRAMPercentage|MaxRAMFraction)=.*")) {
            return "heap";
        }
        if (option.matches("-XX:[+]Use\\w+GC")) return "collector";
        if (option.startsWith("-XX:")) return option.substring(4).replaceFirst("^[+-]", "").replaceFirst("=.*", "");
        return option;
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(JarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static int run(Launch launch) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).inheritIO();
        builder.environment().keySet().removeAll(OPTION_VARIABLES);
        Process restarted = builder.start();
        // SIGTERM/SIGINT end this JVM through its shutdown hooks: pass the signal on as SIGTERM (Paddock stops
        // the same way on both) and stay until the restarted JVM has finished its own shutdown.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launch.training().ifPresent(AotCache.Training::stop);
            restarted.destroy();
            restarted.onExit().join();
        }, "paddock-stop-restarted"));
        int exit = restarted.waitFor();
        launch.training().ifPresent(AotCache.Training::stop);
        return exit;
    }

    /** Killed outright (SIGKILL), the JVM that started this one cannot stop it: it must not serve on alone. */
    private static void endWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("paddock: the JVM that started this one (pid " + parent.pid() + ") ended; stopping");
            System.exit(1);
        }));
    }
}
