package dev.paddock.server;

/**
 * A plugin's MCP features besides capabilities (prompts, static resources, completions, protocol-level tools),
 * offered by every profile's server. Found with {@link java.util.ServiceLoader} in the jars paddock.json's
 * {@code "plugins"} names ({@code META-INF/services/dev.paddock.server.ServerExtension}), like capability
 * providers; the implementation needs a public no-argument constructor.
 */
public interface ServerExtension {
    /** Called once at startup. */
    ExtraFeatures features();
}
