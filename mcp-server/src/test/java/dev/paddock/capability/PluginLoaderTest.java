package dev.paddock.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A plugin jar built here, from source, the way a third party would ship one. */
class PluginLoaderTest {
    @TempDir
    Path dir;

    static final String PROVIDER = """
            package com.example.weather;

            import dev.paddock.capability.*;

            public final class WeatherProvider implements CapabilityProvider {
                public String name() { return "weather"; }

                public Capability create(ProviderContext context) {
                    return Capability.of("weather", \"""
                            export interface Weather {
                              /** Today's high in °C. */
                              high(input: { city: string }): Promise<number>;
                            }
                            \""", new Api(context.settings().path("offset").asInt(0)));
                }

                public static final class Api {
                    private final int offset;
                    Api(int offset) { this.offset = offset; }
                    public int high(tools.jackson.databind.JsonNode input) { return input.get("city").asString().length() + offset; }
                }

                /** Another service in the same jar, as a server extension would be. */
                public static final class Answer implements java.util.function.IntSupplier {
                    public int getAsInt() { return 42; }
                }
            }
            """;

    private Path buildPluginJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/com/example/weather")).resolve("WeatherProvider.java");
        Files.writeString(src, PROVIDER);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(compiled).isZero();
        Path jar = dir.resolve("weather.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (var files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.paddock.capability.CapabilityProvider"));
            OutputStream entry = out;
            entry.write("com.example.weather.WeatherProvider\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("META-INF/services/java.util.function.IntSupplier"));
            entry.write("com.example.weather.WeatherProvider$Answer\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void findsBuiltInsAndPluginProvidersThroughServiceLoader() throws IOException {
        Map<String, CapabilityProvider> providers = PluginLoader.load(List.of(buildPluginJar())).providers();
        assertThat(providers).containsKeys("files", "state", "weather");

        JsonMapper json = JsonMapper.shared();
        Capability weather = providers.get("weather").create(new ProviderContext(json.readTree("{\"offset\": 10}"), dir, "default"));
        CapabilitySet set = CapabilitySet.bind(List.of(weather), ForkJoinPool.commonPool());
        assertThat(set.call("weather", "high", json.readTree("[{\"city\": \"Oslo\"}]"), CapabilitySetTest.NO_CONTEXT)
                .join().asInt()).isEqualTo(14);
    }

    @Test
    void otherServicesOfAPluginShareItsClassLoaderWithItsProviders() throws IOException {
        List<Path> jars = List.of(buildPluginJar());
        List<IntSupplier> services = PluginLoader.services(IntSupplier.class, jars);
        assertThat(services).singleElement().extracting(IntSupplier::getAsInt).isEqualTo(42);
        assertThat(services.getFirst().getClass().getClassLoader())
                .isSameAs(PluginLoader.load(jars).providers().get("weather").getClass().getClassLoader());
    }

    @Test
    void aMissingJarIsAClearError() {
        assertThatThrownBy(() -> PluginLoader.load(List.of(dir.resolve("nope.jar"))))
                .hasMessageContaining("plugin jar").hasMessageContaining("nope.jar does not exist");
    }

    @Test
    void aJarWithoutServiceFilesIsAClearErrorNamingIt() throws IOException {
        Path jar = dir.resolve("empty.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/Nothing.class"));
        }
        assertThatThrownBy(() -> PluginLoader.load(List.of(jar)))
                .hasMessageContaining("plugin jar " + jar + " has no META-INF/services/dev.paddock.")
                .hasMessageContaining("META-INF/services/dev.paddock.capability.CapabilityProvider");
    }
}
