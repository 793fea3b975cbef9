package dev.paddock.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JDK 25's AOT cache (JEP 483/514) for the interpreted server started by {@code java -jar}: the classes of
 * Paddock, the MCP SDK and GraalJS loaded and linked ahead, with their method profiles, which halves the time
 * to the first answers. It is recorded once per jar and JDK by a JVM of its own that runs
 * {@link AotTrainingCommand} a while after the first start, so that start is not slowed, and is used from the
 * next start on. It cannot help the JIT: the JVM turns every class-data archive off with
 * {@code --upgrade-module-path}, which the Graal compiler needs.
 */
final class AotCache {
    /** Long enough for the first start's own initialize and first executions to have the CPU. */
    static final Duration TRAINING_DELAY = Duration.ofSeconds(10);
    private final Path file;

    private AotCache(Path file) {
        this.file = file;
    }

    /**
     * The cache for {@code jar} run by {@code jvm} (the java binary and its options), in {@code folder}: a JVM
     * refuses a cache recorded with another JDK, another class path or another collector or heap layout, so
     * the name covers all of them (and the jar's size and time, which change with it).
     */
    static AotCache in(Path folder, Path jar, List<String> jvm) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        int key = Objects.hash(jar.toAbsolutePath().toString(), attributes.size(), attributes.lastModifiedTime().toMillis(),
                System.getProperty("java.vm.version"), jvm);
        return new AotCache(folder.resolve("paddock-" + Integer.toHexString(key) + ".aot"));
    }

    Path file() {
        return file;
    }

    boolean present() {
        return Files.isRegularFile(file);
    }

    /** The option that makes a JVM use the cache. */
    String useOption() {
        return "-XX:AOTCache=" + file;
    }

    /**
     * Records the cache in the background after {@link #TRAINING_DELAY}, with {@code jvm} (the java binary and
     * the server's JVM options) running {@code jar}; stopping the returned training ends its JVM.
     */
    Training recordLater(List<String> jvm, Path jar) {
        return new Training(jvm, jar);
    }

    /** One recording: a daemon thread that waits, runs the recording JVM and moves its cache into place. */
    final class Training {
        private final Thread thread;
        private volatile Process process;
        private volatile boolean stopped;

        private Training(List<String> jvm, Path jar) {
            Path partial = file.resolveSibling(file.getFileName() + ".partial-" + ProcessHandle.current().pid());
            List<String> command = new ArrayList<>(jvm);
            command.add("-XX:AOTCacheOutput=" + partial);
            command.addAll(List.of("-jar", jar.toString(), "aot-training"));
            thread = Thread.ofPlatform().daemon().name("paddock-aot-training").start(() -> record(command, partial));
        }

        private void record(List<String> command, Path partial) {
            try {
                Thread.sleep(TRAINING_DELAY);
                synchronized (this) {
                    if (stopped) return;
                    process = new ProcessBuilder(command).redirectOutput(Redirect.DISCARD)
                            .redirectError(file.resolveSibling("aot-training.log").toFile()).start();
                }
                process.getOutputStream().close();
                if (process.waitFor() == 0 && Files.size(partial) > 0 && !stopped) {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // No cache this time: the next start records again, and aot-training.log says what happened.
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // a leftover partial file costs disk only
                }
            }
        }

        /** Ends the recording JVM, if it runs: the server it trains for has stopped. */
        void stop() {
            synchronized (this) {
                stopped = true;
            }
            Process running = process;
            if (running != null) {
                running.destroy();
                running.onExit().join();
            }
            thread.interrupt();
        }
    }
}
