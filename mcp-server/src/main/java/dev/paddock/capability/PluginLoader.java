package dev.paddock.capability;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds what plugins add through {@link ServiceLoader}: capability providers (the built-in ones on the
 * server's class path, and those in the plugin jars named in paddock.json) and call policies. Two
 * providers with one name is a startup error, so a plugin can never silently replace a built-in.
 */
public final class PluginLoader {
    /** What the server's class path and the plugin jars provide, in the order found. */
    public record Plugins(Map<String, CapabilityProvider> providers, List<CallPolicy> policies) {}

    private PluginLoader() {}

    public static Plugins load(List<Path> pluginJars) {
        for (Path jar : pluginJars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("plugin jar " + jar + " does not exist");
            }
        }
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
        List<CallPolicy> policies = new ArrayList<>();
        try {
            ServiceLoader.load(CallPolicy.class, loader).forEach(policies::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plugin's call policy cannot be loaded: " + e.getMessage(), e);
        }
        return new Plugins(providers, List.copyOf(policies));
    }

    private static ClassLoader classLoaderFor(List<Path> jars) {
        ClassLoader parent = PluginLoader.class.getClassLoader();
        if (jars.isEmpty()) return parent;
        URL[] urls = jars.stream().map(PluginLoader::url).toArray(URL[]::new);
        return new URLClassLoader("paddock-plugins", urls, parent);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin path " + jar + " is not a valid file path", e);
        }
    }
}
