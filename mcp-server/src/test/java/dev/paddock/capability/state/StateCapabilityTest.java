package dev.paddock.capability.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.state.StateCapability.KeyInput;
import dev.paddock.capability.state.StateCapability.ListInput;
import dev.paddock.capability.state.StateCapability.SetInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class StateCapabilityTest {
    static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path persistDir;

    @Test
    void inMemoryStateBelongsToOneConnection() {
        StateCapability first = StateCapability.inMemory(StateCapability.Limits.DEFAULTS);
        StateCapability second = StateCapability.inMemory(StateCapability.Limits.DEFAULTS);
        first.set(new SetInput("cart", JSON.readTree("{\"items\":[1,2]}")));
        assertThat(first.get(new KeyInput("cart")).toString()).isEqualTo("{\"items\":[1,2]}");
        assertThat(second.get(new KeyInput("cart"))).isNull();
        assertThat(second.list(new ListInput(null))).isEmpty();
    }

    @Test
    void persistentStateSurvivesANewInstanceAndIsScopedByProfile() {
        StateCapability teamA = StateCapability.persistent(persistDir, "team-a", StateCapability.Limits.DEFAULTS);
        teamA.set(new SetInput("report/2026", JSON.readTree("[1,\"two\",null]")));
        teamA.set(new SetInput("ünïcode key/../x", JSON.readTree("true")));

        StateCapability restarted = StateCapability.persistent(persistDir, "team-a", StateCapability.Limits.DEFAULTS);
        assertThat(restarted.get(new KeyInput("report/2026")).toString()).isEqualTo("[1,\"two\",null]");
        assertThat(restarted.list(new ListInput("report/"))).containsExactly("report/2026");
        assertThat(restarted.list(new ListInput(""))).containsExactly("report/2026", "ünïcode key/../x");

        StateCapability teamB = StateCapability.persistent(persistDir, "team-b", StateCapability.Limits.DEFAULTS);
        assertThat(teamB.get(new KeyInput("report/2026"))).isNull();

        assertThat(restarted.delete(new KeyInput("report/2026"))).isTrue();
        assertThat(restarted.delete(new KeyInput("report/2026"))).isFalse();
        assertThat(teamA.get(new KeyInput("report/2026"))).isNull();
    }

    @Test
    void leftoverTempFilesFromACrashAreIgnored() throws IOException {
        StateCapability state = StateCapability.persistent(persistDir, "default", StateCapability.Limits.DEFAULTS);
        state.set(new SetInput("a", JSON.readTree("1")));
        Files.writeString(persistDir.resolve("default/.61.json.paddock-tmp"), "{half-writ");
        Files.writeString(persistDir.resolve("default/not-hex.json"), "{}");
        assertThat(state.list(new ListInput(""))).containsExactly("a");
        assertThat(state.get(new KeyInput("a")).asInt()).isEqualTo(1);
    }

    @Test
    void enforcesKeyValueAndTotalLimits() {
        StateCapability state = StateCapability.inMemory(new StateCapability.Limits(8, 20, 30));
        assertThatThrownBy(() -> state.set(new SetInput("", JSON.readTree("1")))).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> state.set(new SetInput("123456789", JSON.readTree("1")))).hasMessageContaining("at most 8");
        assertThatThrownBy(() -> state.set(new SetInput("k", JSON.readTree("\"" + "x".repeat(30) + "\""))))
                .hasMessageContaining("limit is 20");
        state.set(new SetInput("a", JSON.readTree("\"" + "x".repeat(15) + "\"")));
        state.set(new SetInput("a", JSON.readTree("\"" + "y".repeat(15) + "\""))); // replacing does not double-count
        assertThatThrownBy(() -> state.set(new SetInput("b", JSON.readTree("\"" + "z".repeat(15) + "\""))))
                .hasMessageContaining("limit is 30");
        assertThatThrownBy(() -> state.set(new SetInput("c", null))).hasMessageContaining("state.delete");
    }
}
