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
import java.util.Optional;

/**
 * What {@code java -jar paddock.jar} runs once {@link JavaVersionGate} found the Java version enough: the
 * launcher's JVM memory settings ({@code jvm-memory.options} and the heap from {@code PADDOCK_HEAP}), which
 * the heap guard relies on, then {@link Main}. A running JVM cannot change its heap or its young generation,
 * so when {@code java -jar} was started without some of them, the same JVM is started again with those added
 * and the caller's own options kept: a setting the caller gave is never replaced. The restarted JVM inherits
 * stdin, stdout and stderr as they are (no copying, so the protocol passes byte for byte), a SIGTERM or
 * SIGINT to this one stops it the same way, and its exit code becomes this one's.
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
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = missing(settings(System.getenv("PADDOCK_HEAP")), given);
        Optional<Path> jar = ownJar();
        if (missing.isEmpty() || jar.isEmpty()) {
            Main.main(args);
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(missing);
        // Truffle still calls sun.misc.Unsafe; unless the caller decided, spare them JDK 25's warning block.
        if (given.stream().noneMatch(option -> option.startsWith(UNSAFE_ACCESS))) command.add(UNSAFE_ACCESS + "=allow");
        command.addAll(given);
        command.add("-D" + RESTARTED + "=true");
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(List.of(args));
        System.exit(run(command));
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

    private static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().keySet().removeAll(OPTION_VARIABLES);
        Process restarted = builder.start();
        // SIGTERM/SIGINT end this JVM through its shutdown hooks: pass the signal on as SIGTERM (Paddock stops
        // the same way on both) and stay until the restarted JVM has finished its own shutdown.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            restarted.destroy();
            restarted.onExit().join();
        }, "paddock-stop-restarted"));
        return restarted.waitFor();
    }

    /** Killed outright (SIGKILL), the JVM that started this one cannot stop it: it must not serve on alone. */
    private static void endWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("paddock: the JVM that started this one (pid " + parent.pid() + ") ended; stopping");
            System.exit(1);
        }));
    }
}
