package com.example.weather;

import dev.paddock.capability.CapabilityException;
import java.util.List;
import java.util.Map;

/**
 * The Java side of weather.d.ts: one public method per declared method, arguments bound to records whose
 * components are the declared property names (Paddock checks that at startup), results turned into JSON.
 */
public final class WeatherApi {
    private static final Map<String, Double> HIGHS_CELSIUS = Map.of("Cairo", 27.0, "Lisbon", 19.0, "Oslo", 4.0);

    public record City(String city) {}

    public record High(String city, double high, String units) {}

    private final boolean fahrenheit;

    WeatherApi(boolean fahrenheit) {
        this.fahrenheit = fahrenheit;
    }

    public High high(City input) {
        Double celsius = HIGHS_CELSIUS.get(input.city());
        if (celsius == null) {
            // The agent reads this: a JS Error with code ENOENT and this message.
            throw new CapabilityException("ENOENT", "weather.high: no weather for '" + input.city() + "'; known: "
                    + String.join(", ", cities()));
        }
        return fahrenheit
                ? new High(input.city(), celsius * 9 / 5 + 32, "fahrenheit")
                : new High(input.city(), celsius, "celsius");
    }

    public List<String> cities() {
        return HIGHS_CELSIUS.keySet().stream().sorted().toList();
    }
}
