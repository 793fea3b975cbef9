package dev.paddock.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binding declarations to Java at startup, and the call path every agent call takes. */
class CapabilitySetTest {
    static final JsonMapper JSON = JsonMapper.shared();

    static final String WEATHER = """
            /** Weather for cities. */
            export interface Weather {
              /** Today's forecast. */
              forecast(input: { city: string; days?: number }): Promise<{ city: string; highs: number[] }>;
              /** Converts a temperature. */
              convert(celsius: number, unit: "F" | "K"): Promise<number>;
            }
            """;

    public static final class WeatherApi {
        public record ForecastInput(String city, Integer days) {}

        public record Forecast(String city, List<Integer> highs) {}

        public Forecast forecast(ForecastInput input) {
            if (input.city().equals("Atlantis")) throw new CapabilityException("ENOENT", "no forecast for Atlantis");
            return new Forecast(input.city(), List.of(21, 23).subList(0, input.days() == null ? 1 : input.days()));
        }

        public CompletableFuture<Double> convert(double celsius, String unit, CallContext context) {
            return CompletableFuture.completedFuture(unit.equals("F") ? celsius * 9 / 5 + 32 : celsius + 273.15);
        }
    }

    public static final class Incomplete {
        public String forecast(JsonNode input) {
            return "x";
        }

        public void helper() {}
    }

    static final CallContext NO_CONTEXT = AgentCalls.NO_CONTEXT;

    private static JsonNode call(CapabilitySet set, String method, String argumentsJson) {
        return set.call("weather", method, JSON.readTree(argumentsJson), NO_CONTEXT).join();
    }

    @Test
    void callsBindJsonToRecordsAndPrimitivesAndReturnPlainJson() {
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("weather", WEATHER, new WeatherApi())), ForkJoinPool.commonPool());
        assertThat(call(set, "forecast", "[{\"city\": \"Oslo\", \"days\": 2}]").toString()).isEqualTo("{\"city\":\"Oslo\",\"highs\":[21,23]}");
        assertThat(call(set, "convert", "[100, \"F\"]").asDouble()).isEqualTo(212.0);
        assertThat(set.methodNames()).containsEntry("weather", List.of("forecast", "convert"));
        assertThat(set.declarations()).contains("declare const weather: {");
    }

    @Test
    void argumentsAreValidatedBeforeAnyHostCodeRuns() {
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("weather", WEATHER, new WeatherApi())), ForkJoinPool.commonPool());
        assertThatThrownBy(() -> call(set, "forecast", "[{\"city\": 7}]")).hasRootCauseMessage("weather.forecast: input.city must be a string (got a number)");
        assertThatThrownBy(() -> call(set, "forecast", "[{}]")).hasRootCauseMessage("weather.forecast: input.city is required");
        assertThatThrownBy(() -> call(set, "convert", "[1, \"C\"]")).rootCause().hasMessageContaining("weather.convert: unit must be one of");
        assertThatThrownBy(() -> call(set, "convert", "[1]")).hasRootCauseMessage("weather.convert: unit is required");
        assertThatThrownBy(() -> call(set, "forecast", "[{\"city\": \"x\", \"__proto__\": {\"admin\": true}}]"))
                .rootCause().hasMessageContaining("unknown property '__proto__'");
        assertThatThrownBy(() -> call(set, "forecast", "[{\"city\": \"Atlantis\"}]"))
                .rootCause().isInstanceOf(CapabilityException.class).hasMessage("no forecast for Atlantis");
    }

    @Test
    void aPolicyDecidesValidCallsBeforeHostCodeRuns() {
        CallPolicy noKelvin = call -> call.method().equals("convert") && call.arguments().path(1).asString("").equals("K")
                ? CompletableFuture.failedFuture(new CapabilityException("EPERM", "weather.convert: Kelvin needs approval"))
                : CompletableFuture.completedFuture(null);
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("weather", WEATHER, new WeatherApi())), noKelvin, ForkJoinPool.commonPool());
        assertThat(call(set, "convert", "[0, \"F\"]").asDouble()).isEqualTo(32.0);
        assertThatThrownBy(() -> call(set, "convert", "[0, \"K\"]")).rootCause().hasMessage("weather.convert: Kelvin needs approval");
        // Validation comes first: the policy never sees invalid arguments.
        assertThatThrownBy(() -> call(set, "convert", "[0, \"X\"]")).rootCause().hasMessageContaining("must be one of");
    }

    @Test
    void aDeclaredMethodWithoutImplementationStopsStartupNamingBothSides() {
        assertThatThrownBy(() -> CapabilitySet.bind(List.of(Capability.of("weather", WEATHER, new Incomplete())), ForkJoinPool.commonPool()))
                .isInstanceOf(CapabilityBindingException.class)
                .hasMessageContaining("weather.convert is declared but Incomplete has no public method convert")
                .hasMessageContaining("Incomplete.helper is public but not declared in 'weather'");
    }

    @Test
    void aCallToNothingGrantedSaysWhatIs() {
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("weather", WEATHER, new WeatherApi())), ForkJoinPool.commonPool());
        assertThatThrownBy(() -> set.call("files", "read", JSON.readTree("[]"), NO_CONTEXT).join())
                .rootCause().hasMessage("'files' is not granted to this connection; granted: weather");
        assertThatThrownBy(() -> set.call("weather", "rain", JSON.readTree("[]"), NO_CONTEXT).join())
                .rootCause().hasMessage("weather.rain is not a granted method; 'weather' has: forecast, convert");
    }

    @Test
    void aRuntimeNamespaceTakesThePathButIsNeitherGlobalNorShown() {
        CallPolicy noForecasts = call -> call.namespace().equals("#weather") && call.method().equals("forecast")
                ? CompletableFuture.failedFuture(new CapabilityException("EPERM", "no forecasts today"))
                : CompletableFuture.completedFuture(null);
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("#weather", WEATHER, new WeatherApi())), noForecasts, ForkJoinPool.commonPool());
        assertThat(set.methodNames()).isEmpty();
        assertThat(set.declarations()).isEmpty();
        assertThat(set.declarationsByNamespace()).isEmpty();
        assertThat(set.tools()).isEmpty();
        assertThat(set.call("#weather", "convert", JSON.readTree("[100, \"F\"]"), NO_CONTEXT).join().asDouble()).isEqualTo(212.0);
        assertThatThrownBy(() -> set.call("#weather", "forecast", JSON.readTree("[{\"city\": \"Oslo\"}]"), NO_CONTEXT).join())
                .rootCause().hasMessage("no forecasts today");
        assertThatThrownBy(() -> set.call("#weather", "convert", JSON.readTree("[100, 7]"), NO_CONTEXT).join())
                .rootCause().hasMessageContaining("#weather.convert: unit must be");
    }

    @Test
    void policiesDecideInTurnAndTheFirstRefusalWins() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallPolicy first = call -> {
            asked.add("first");
            return CompletableFuture.completedFuture(null);
        };
        CallPolicy refuses = call -> {
            asked.add("refuses");
            return CompletableFuture.failedFuture(new CapabilityException("EPERM", "refused"));
        };
        CallPolicy last = call -> {
            asked.add("last");
            return CompletableFuture.completedFuture(null);
        };
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("weather", WEATHER, new WeatherApi())),
                CallPolicy.all(List.of(first, refuses, last)), ForkJoinPool.commonPool());
        assertThatThrownBy(() -> call(set, "convert", "[0, \"F\"]")).rootCause().hasMessage("refused");
        assertThat(asked).containsExactly("first", "refuses");
    }

    public static final class Leaky {
        public String connect() {
            throw new IllegalStateException("db password=hunter2");
        }
    }

    @Test
    void anUnexpectedHostFailureReachesTheAgentAsAnIncidentNotItsMessage() {
        CapabilitySet set = CapabilitySet.bind(List.of(Capability.of("db", """
                export interface Db {
                  connect(): Promise<string>;
                }
                """, new Leaky())), ForkJoinPool.commonPool());
        assertThatThrownBy(() -> set.call("db", "connect", JSON.readTree("[]"), NO_CONTEXT).join())
                .rootCause().isInstanceOfSatisfying(CapabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo("EINTERNAL");
                    assertThat(e.getMessage()).matches("db\\.connect failed: internal error \\(id [0-9a-f]{8}\\); the server log has the details");
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }
}
