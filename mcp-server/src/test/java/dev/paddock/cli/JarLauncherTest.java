package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the launcher's memory settings {@code java -jar} still needs, given the options it was started with. */
class JarLauncherTest {
    static final List<String> SETTINGS = JarLauncher.settings(null);

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
}
