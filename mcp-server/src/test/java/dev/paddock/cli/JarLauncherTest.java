package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code java -jar} starts its second JVM: which of the launcher's memory settings it still needs, given
 * the options it was started with, and GraalJS's module path, JIT and AOT cache.
 */
class JarLauncherTest {
    static final List<String> SETTINGS = JarLauncher.settings(null);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theSettingsAreTheHeapFromPaddockHeapAndTheSharedOptionsFile() {
        assertThat(SETTINGS).containsExactly("-Xmx2g", "-XX:+UseG1GC", "-XX:+UnlockExperimentalVMOptions",
                "-XX:G1MaxNewSizePercent=15");
        assertThat(JarLauncher.settings(" 3g ")).first().isEqualTo("-Xmx3g");
    }

    @Test
    void aJvmStartedWithoutOptionsNeedsThemAll() {
        assertThat(JarLauncher.missing(SETTINGS, List.of())).isEqualTo(SETTINGS);
        assertThat(JarLauncher.missing(SETTINGS, List.of("-Dfoo=bar", "-ea"))).isEqualTo(SETTINGS);
    }

    @Test
    void anyHeapOrCollectorOptionTheCallerGaveIsKept() {
        assertThat(JarLauncher.missing(SETTINGS, List.of("-Xmx4g"))).doesNotContain("-Xmx2g").contains("-XX:+UseG1GC");
        assertThat(JarLauncher.missing(SETTINGS, List.of("-XX:MaxRAMPercentage=75.0"))).doesNotContain("-Xmx2g");
        assertThat(JarLauncher.missing(SETTINGS, List.of("-XX:+UseZGC"))).doesNotContain("-XX:+UseG1GC");
        assertThat(JarLauncher.missing(SETTINGS, List.of("-XX:+UnlockExperimentalVMOptions", "-XX:G1MaxNewSizePercent=30")))
                .containsExactly("-Xmx2g", "-XX:+UseG1GC");
    }

    @Test
    void aJvmGivenEverySettingNeedsNothing() {
        assertThat(JarLauncher.missing(SETTINGS, List.of("-Xmx1g", "-XX:+UseG1GC", "-XX:+UnlockExperimentalVMOptions",
                "-XX:G1MaxNewSizePercent=15"))).isEmpty();
    }

    @Test
    void theSecondJvmRunsTheJarWithGraalJsOnItsModulePathAndTheJitWhereTheJdkFits() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(dir);
        JarLauncher.Launch launch = JarLauncher.launch(jar, new String[] {"serve", "--http", "0"}, cache());
        GraalRuntimeCache graal = GraalRuntimeCache.of(jar, cache());
        List<String> command = launch.command();
        assertThat(command.getFirst()).isEqualTo(JAVA);
        assertThat(command).contains("--module-path=" + graal.modules(), "--add-modules=org.graalvm.polyglot",
                "--enable-native-access=org.graalvm.truffle", "-Dpaddock.restarted=true");
        assertThat(command.subList(command.size() - 5, command.size()))
                .containsExactly("-jar", jar.toString(), "serve", "--http", "0");
        if (JitChoice.unavailable("25.0.3", "on").isEmpty()) {
            assertThat(command).contains("-XX:+EnableJVMCI", "--upgrade-module-path=" + graal.compiler());
            assertThat(launch.training()).as("the JIT cannot use an AOT cache").isEmpty();
        } else {
            assertThat(command).doesNotContain("-XX:+EnableJVMCI");
        }
    }

    @Test
    void interpretedItRecordsAnAotCacheOnceAndUsesItFromTheNextStart() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(dir);
        Map<String, String> env = Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString(), "PADDOCK_JIT", "off");
        JarLauncher.Launch first = JarLauncher.launch(jar, new String[] {"serve"}, env);
        assertThat(first.command()).doesNotContain("-XX:+EnableJVMCI").noneMatch(o -> o.startsWith("-XX:AOTCache"));
        assertThat(first.training()).isPresent();
        first.training().get().stop();

        String recording = first.command().stream().filter(o -> o.startsWith("-XX:AOTCacheOutput")).findFirst().orElse("");
        assertThat(recording).as("the server itself does not record").isEmpty();
        Path folder = GraalRuntimeCache.of(jar, env).folder();
        List<String> jvm = first.command().subList(0, first.command().indexOf("-jar"));
        AotCache aot = AotCache.in(folder, jar, jvm);
        Files.writeString(aot.file(), "recorded");
        JarLauncher.Launch next = JarLauncher.launch(jar, new String[] {"serve"}, env);
        assertThat(next.command()).contains("-XX:AOTCache=" + aot.file());
        assertThat(next.training()).isEmpty();

        Map<String, String> noAot = Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString(), "PADDOCK_JIT", "off",
                "PADDOCK_AOT", "off");
        JarLauncher.Launch without = JarLauncher.launch(jar, new String[] {"serve"}, noAot);
        assertThat(without.command()).noneMatch(o -> o.startsWith("-XX:AOTCache"));
        assertThat(without.training()).isEmpty();
    }

    @Test
    void anAotCacheBelongsToOneJarAtOnePlaceRunWithTheSameOptions() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(Files.createDirectory(dir.resolve("a")));
        Path copy = Files.copy(jar, Files.createDirectory(dir.resolve("b")).resolve("paddock.jar"));
        List<String> g1 = List.of(JAVA, "-XX:+UseG1GC");
        assertThat(AotCache.in(dir, jar, g1).file()).isEqualTo(AotCache.in(dir, jar, g1).file());
        assertThat(AotCache.in(dir, jar, g1).file()).isNotEqualTo(AotCache.in(dir, copy, g1).file());
        assertThat(AotCache.in(dir, jar, g1).file()).isNotEqualTo(AotCache.in(dir, jar, List.of(JAVA, "-XX:+UseZGC")).file());
    }

    @Test
    void theJvmsOwnWarningsGoToStderrNotToTheProtocol() throws Exception {
        List<String> command = JarLauncher.launch(GraalRuntimeJars.paddockJar(dir), new String[0], cache()).command();
        assertThat(command).containsSubsequence("-Xlog:disable", "-Xlog:all=warning:stderr");
    }

    @Test
    void aJarWithoutItsGraalJsRuntimeSaysToRebuild() throws Exception {
        Path bare = Files.write(dir.resolve("bare.jar"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> JarLauncher.launch(bare, new String[0], cache()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rebuild it with `mvn package`");
    }

    private Map<String, String> cache() {
        return Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString());
    }
}
