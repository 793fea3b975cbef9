package dev.paddock;

import dev.paddock.capability.CallPolicy;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.ProviderContext;
import dev.paddock.cli.ServeCommand;
import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.server.ProfileGrants;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paddock as a library: register capabilities in code and serve MCP over stdio.
 *
 * <pre>{@code
 * Paddock.builder()
 *         .capability("weather", Files.readString(Path.of("weather.d.ts")), new WeatherApi())
 *         .serveStdio();
 * }</pre>
 *
 * Capabilities registered here are granted to the default profile (every stdio connection), next to
 * whatever the optional paddock.json grants. Declarations and implementation are checked when serving
 * starts; a mismatch throws {@link ConfigException} naming the method on both sides.
 */
public final class Paddock {
    private Paddock() {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path configFile;
        private final List<CapabilityProvider> registered = new ArrayList<>();
        private CallPolicy policy = CallPolicy.ALLOW_ALL;

        private Builder() {}

        /** Reads limits, built-in capabilities, egress and plugins from a paddock.json. */
        public Builder config(Path paddockJson) {
            this.configFile = paddockJson;
            return this;
        }

        /** Grants every connection {@code namespace}, implemented by the public methods of {@code implementation}. */
        public Builder capability(String namespace, String declarations, Object implementation) {
            Capability capability = Capability.of(namespace, declarations, implementation);
            return provider(new CapabilityProvider() {
                @Override
                public String name() {
                    return namespace;
                }

                @Override
                public Capability create(ProviderContext context) {
                    return capability;
                }
            });
        }

        /** Grants every connection what {@code provider} creates (one instance per connection, if it likes). */
        public Builder provider(CapabilityProvider provider) {
            registered.add(provider);
            return this;
        }

        /** Decides every valid capability call before it runs (approvals, audits that can refuse, …). */
        public Builder policy(CallPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Checks everything, then serves one MCP session on stdin/stdout until stdin ends. */
        public void serveStdio() throws ConfigException {
            InputStream in = System.in;
            OutputStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
            // stdout is the protocol: anything a library or capability prints must not corrupt it.
            System.setOut(System.err);
            serve(in, out);
        }

        /** As {@link #serveStdio()} over the given streams (tests, or a host that owns stdio itself). */
        public void serve(InputStream in, OutputStream out) throws ConfigException {
            ServeCommand.serveStdio(grants(), in, out);
        }

        /** The default profile's grants, checked: for hosts wiring their own transport. */
        public ProfileGrants grants() throws ConfigException {
            PaddockConfig config = configFile == null ? PaddockConfig.defaults() : PaddockConfig.load(configFile);
            for (CapabilityProvider provider : registered) config = config.grantingByDefault(provider.name());
            return ProfileGrants.loadAll(config, registered, policy).get(Profile.DEFAULT);
        }
    }
}
