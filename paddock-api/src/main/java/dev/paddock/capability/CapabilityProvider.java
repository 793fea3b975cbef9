package dev.paddock.capability;

/**
 * Makes a capability available to paddock.json: listed under {@code "capabilities": {"<name>": {…}}},
 * it is granted to connections. Plugins ship implementations in a jar named under {@code "plugins"}, with
 * a {@code META-INF/services/dev.paddock.capability.CapabilityProvider} file naming the class
 * ({@link java.util.ServiceLoader}). Plugin code is trusted host code: it runs in the server's JVM.
 */
public interface CapabilityProvider {
    /** The key under "capabilities" in paddock.json, and usually the namespace agents call. */
    String name();

    /**
     * Checks the settings once at startup, so a bad config stops the server before any connection.
     * Throw {@link CapabilitySettingsException} naming the field.
     */
    default void validate(ProviderContext context) {}

    /** The capability one connection gets. Called per connection; share expensive resources yourself. */
    Capability create(ProviderContext context);
}
