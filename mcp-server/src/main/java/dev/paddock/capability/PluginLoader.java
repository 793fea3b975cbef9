package dev.paddock.capability;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds what plugins add through {@link ServiceLoader}: capability providers (the built-in ones on the
 * server's class path, and those in the plugin jars named in paddock.json) and call policies. Two
 * providers with one name is a startup error, so a plugin can never silently replace a built-in.
 */
public final class PluginLoader {
    private static final String SERVICES = "META-INF/services/dev.paddock.";
    /** What the server's class path and the plugin jars provide, in the order found. */
    public record Plugins(Map<String, CapabilityProvider> providers, List<CallPolicy> policies) {}

    private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private PluginLoader() {}

    public static Plugins load(List<Path> pluginJars) {
        ClassLoader loader = classLoaderFor(pluginJars);
        Map<String, CapabilityProvider> providers = new LinkedHashMap<>();
        try {
            for (CapabilityProvider provider : ServiceLoader.load(CapabilityProvider.class, loader)) {
                CapabilityProvider previous = providers.putIfAbsent(provider.name(), provider);
                if (previous != null) {
                    throw new IllegalArgumentException("two capability providers are named '" + provider.name() + "': "
                            + previous.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plugin's capability provider cannot be loaded: " + e.getMessage(), e);
        }
        return new Plugins(providers, services(CallPolicy.class, pluginJars));
    }

    /**
     * The implementations of another plugin interface (e.g. {@code dev.paddock.server.ServerExtension}) on the
     * server's class path and in the plugin jars, found with {@link ServiceLoader}.
     */
    public static <T> List<T> services(Class<T> service, List<Path> pluginJars) {
        ClassLoader loader = classLoaderFor(pluginJars);
        try {
            return ServiceLoader.load(service, loader).stream().map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plugin's " + service.getSimpleName() + " cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    /** One loader per list of jars, so that a plugin's providers and other services share its classes. */
    private static ClassLoader classLoaderFor(List<Path> jars) {
        ClassLoader parent = PluginLoader.class.getClassLoader();
        if (jars.isEmpty()) return parent;
        // Checked once, when the loader is made: each jar is opened and scanned for its service files.
        return LOADERS.computeIfAbsent(List.copyOf(jars), key -> {
            key.forEach(PluginLoader::checkJar);
            return new URLClassLoader("paddock-plugins", key.stream().map(PluginLoader::url).toArray(URL[]::new), parent);
        });
    }

    /** A jar that offers Paddock nothing is a mistake in its build, not a plugin that does nothing. */
    private static void checkJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("plugin jar " + jar + " does not exist");
        }
        try (var file = new JarFile(jar.toFile())) {
            boolean offers = file.stream().anyMatch(entry -> entry.getName().startsWith(SERVICES));
            if (!offers) {
                throw new IllegalArgumentException("plugin jar " + jar + " has no " + SERVICES + "… file, so Paddock finds "
                        + "nothing in it: list your provider class in META-INF/services/dev.paddock.capability.CapabilityProvider "
                        + "(or CallPolicy, or dev.paddock.server.ServerExtension) inside the jar");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("plugin jar " + jar + " cannot be read as a jar: " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin path " + jar + " is not a valid file path", e);
        }
    }
}
