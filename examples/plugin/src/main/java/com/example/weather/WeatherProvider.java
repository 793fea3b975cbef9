package com.example.weather;

import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.CapabilitySettingsException;
import dev.paddock.capability.ProviderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Grants {@code weather} to connections whose profile lists it under "capabilities" in paddock.json. Paddock
 * finds this class through META-INF/services/dev.paddock.capability.CapabilityProvider in the jar.
 */
public final class WeatherProvider implements CapabilityProvider {
    /** The TypeScript the model reads and every call is validated against; the Java methods must match it. */
    private static final String DECLARATIONS = resource("weather.d.ts");

    @Override
    public String name() {
        return "weather";
    }

    /** Runs once at startup: a wrong setting stops the server with the file, line and field. */
    @Override
    public void validate(ProviderContext context) {
        fahrenheit(context.settings());
    }

    /** Called for each connection: the capability it gets, its declarations and the object implementing them. */
    @Override
    public Capability create(ProviderContext context) {
        return Capability.of(name(), DECLARATIONS, new WeatherApi(fahrenheit(context.settings())));
    }

    private static String resource(String name) {
        try (InputStream in = WeatherProvider.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the plugin jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings arrive as a Jackson 3 tree, the object under capabilities.weather: {@code {"units": "metric"}}. */
    private static boolean fahrenheit(JsonNode settings) {
        JsonNode units = settings.path("units");
        if (units.isMissingNode()) return false;
        return switch (units.asString("")) {
            case "metric" -> false;
            case "imperial" -> true;
            default -> throw new CapabilitySettingsException("units", "must be \"metric\" or \"imperial\"");
        };
    }
}
