package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When the heap runs out while guest code runs, the process exits with a clear line on stderr and status
 * 70 instead of serving answers from a JVM that may be broken (EngineHealth). A real child JVM with a small
 * heap runs a memory bomb whose limits are out of its way.
 */
class OutOfMemoryExitTest {

    @Test
    void aClassThatFailedToInitialiseIsFatalAndAnOrdinaryFailureIsNot() {
        assertThat(EngineHealth.fatal(new RuntimeException(new NoClassDefFoundError("Could not initialize class X"))))
                .contains("NoClassDefFoundError");
        assertThat(EngineHealth.fatal(new OutOfMemoryError("Java heap space"))).contains("Java heap space");
        assertThat(EngineHealth.fatal(new IllegalStateException("closed"))).isNull();
    }

    @Test
    void runningOutOfHeapExitsTheProcessForASupervisorToRestart() throws Exception {
        Path stderr = Files.createTempFile("paddock-oom", ".err");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx320m", "-XX:+UseSerialGC", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", System.getProperty("java.class.path"), OutOfMemoryChild.class.getName())
                .redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        try {
            assertThat(child.waitFor(4, TimeUnit.MINUTES)).as("child exited").isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = Files.readString(stderr);
            assertThat(out).doesNotContain("survived");
            assertThat(child.exitValue()).as("exit status; stderr:%n%s", err).isEqualTo(EngineHealth.EXIT_STATUS);
            assertThat(err).contains("paddock: fatal:").contains("restarted with a clean heap");
        } finally {
            child.destroyForcibly();
            new File(stderr.toString()).delete();
        }
    }
}
