package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When a JVM about to start can run GraalJS's JIT, and the reason it runs interpreted otherwise. */
class JitChoiceTest {
    private static final String THIS_JDK = Runtime.version().feature() + "." + Runtime.version().interim() + "."
            + Runtime.version().update();

    @Test
    void paddockJitOffAlwaysMeansTheInterpreter() {
        assertThat(JitChoice.unavailable(THIS_JDK, "off")).contains("PADDOCK_JIT=off");
    }

    @Test
    void aCompilerNewerThanTheJdkOrOfAnotherReleaseIsRefusedWithBothVersions() {
        int feature = Runtime.version().feature();
        assertThat(JitChoice.unavailable((feature + 1) + ".0.1", "on")).hasValueSatisfying(why -> assertThat(why)
                .contains("GraalJS " + (feature + 1) + ".0.1 optimizes on JDK " + (feature + 1)).contains("this is JDK " + Runtime.version()));
        assertThat(JitChoice.jdkFits(feature + "." + Runtime.version().interim() + "." + (Runtime.version().update() + 1))).isFalse();
        assertThat(JitChoice.jdkFits(THIS_JDK)).isTrue();
        assertThat(JitChoice.jdkFits(feature + ".0.0")).isTrue();
    }

    @Test
    void onlyOnAndOffAreTaken() {
        assertThat(JitChoice.jitSwitch(null)).isEqualTo("on");
        assertThat(JitChoice.jitSwitch(" off ")).isEqualTo("off");
        assertThatThrownBy(() -> JitChoice.jitSwitch("no")).hasMessage("PADDOCK_JIT must be on or off (got 'no')");
    }
}
