package dev.paddock;

import dev.paddock.capability.CallPolicy;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.ProviderContext;
import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.server.PaddockRuntime;
import dev.paddock.server.ProfileGrants;
import dev.paddock.transport.http.HttpSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paddock as a library: register capabilities in code and serve MCP over stdio or Streamable HTTP.
 *
 * <pre>{@code
 * Paddock.builder()
 *         .capability("weather", Files.readString(Path.of("weather.d.ts")), new WeatherApi())
 *         .serveStdio();
 *
 * // or over HTTP, until closed:
 * PaddockRuntime runtime = Paddock.builder().config(Path.of("paddock.json"))
 *         .capability("weather", declarations, new WeatherApi())
 *         .start();
 * int port = runtime.serveHttp(HttpSettings.builder().port(8080).build(), false, Duration.ofSeconds(60));
 * ...
 * runtime.close();   // running executions finish (up to the shutdown grace), then the sandbox goes
 * }</pre>
 *
 * Capabilities registered here are granted to the default profile (stdio and token-less HTTP connections),
 * next to whatever the optional paddock.json grants; its plugins are loaded as for {@code paddock serve}, which
 * goes through the same {@link PaddockRuntime}. Declarations and implementation are checked when serving
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
            start().serveStdio(in, out);
        }

        /**
         * Checks everything and starts the sandbox: serve with {@link PaddockRuntime#serveStdio} or
         * {@link PaddockRuntime#serveHttp} (see {@link HttpSettings#builder()}), then close it.
         */
        public PaddockRuntime start() throws ConfigException {
            return PaddockRuntime.start(config(), registered, policy);
        }

        /** The default profile's grants, checked: for hosts wiring their own transport. */
        public ProfileGrants grants() throws ConfigException {
            return ProfileGrants.loadAll(config(), registered, policy).get(Profile.DEFAULT);
        }

        private PaddockConfig config() throws ConfigException {
            PaddockConfig config = configFile == null ? PaddockConfig.defaults() : PaddockConfig.load(configFile);
            for (CapabilityProvider provider : registered) config = config.grantingByDefault(provider.name());
            return config;
        }
    }
}
