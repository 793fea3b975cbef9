package dev.paddock.server;

import dev.paddock.capability.CallPolicy;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.PluginLoader;
import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.ExecutionListener;
import dev.paddock.sandbox.ExecutionRequest;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.transport.http.HttpSettings;
import dev.paddock.upstream.UpstreamSpec;
import dev.paddock.upstream.Upstreams;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paddock put together, the one way both {@code paddock serve} and the embedding API ({@link dev.paddock.Paddock})
 * build a server: every profile's grants checked, the plugins' {@link ServerExtension}s, and one sandbox started
 * in the background with the hook that drops a session's capability state when its isolate is evicted. It then
 * serves stdio or Streamable HTTP once, and {@link #close()} stops serving before it closes the sandbox.
 *
 * <pre>{@code
 * try (var runtime = PaddockRuntime.start(PaddockConfig.load(file), List.of(), CallPolicy.ALLOW_ALL)) {
 *     int port = runtime.serveHttp(HttpSettings.loopback(0), false, Duration.ofSeconds(60));
 *     ...
 * }   // running executions finish (up to the shutdown grace), then every isolate and the sandbox go
 * }</pre>
 */
public final class PaddockRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PaddockRuntime.class);

    private final Map<String, ProfileGrants> profiles;
    private final ExtraFeatures extras;
    private final CompletableFuture<Sandbox> sandbox;
    private final Upstreams upstreams;
    private Runnable stopServing;

    private PaddockRuntime(Map<String, ProfileGrants> profiles, ExtraFeatures extras, CompletableFuture<Sandbox> sandbox,
            Upstreams upstreams) {
        this.profiles = profiles;
        this.extras = extras;
        this.sandbox = sandbox;
        this.upstreams = upstreams;
    }

    /**
     * Checks the config's profiles against the built-in, plugin and {@code registered} providers (a
     * {@link ConfigException} names what is wrong), loads the plugins' server extensions, and starts the
     * sandbox without waiting for it: the engine takes a second or more, and the server answers
     * {@code initialize} meanwhile while the first {@code execute} waits.
     *
     * @param policy decides every valid capability call
     */
    public static PaddockRuntime start(PaddockConfig config, List<CapabilityProvider> registered, CallPolicy policy)
            throws ConfigException {
        Map<String, ProfileGrants> profiles = ProfileGrants.loadAll(config, registered, policy);
        ExtraFeatures extras = serverExtensions(config);
        Limits limits = profiles.get(Profile.DEFAULT).profile().limits();
        CompletableFuture<Sandbox> sandbox = startSandbox(limits, config.capacity());
        Upstreams upstreams = startUpstreams(profiles);
        return new PaddockRuntime(profiles, extras, sandbox, upstreams);
    }

    /**
     * Starts every profile's upstream MCP servers, all at once while the sandbox starts, and gives each
     * profile its own: their types must be known before the first session sees its execute tool.
     */
    private static Upstreams startUpstreams(Map<String, ProfileGrants> profiles) {
        Map<String, List<UpstreamSpec>> specs = new LinkedHashMap<>();
        profiles.forEach((name, grants) -> {
            if (!grants.upstreamSpecs().isEmpty()) specs.put(name, grants.upstreamSpecs());
        });
        Upstreams upstreams = specs.isEmpty() ? Upstreams.NONE : Upstreams.start(specs);
        profiles.values().forEach(grants -> grants.connect(upstreams));
        return upstreams;
    }

    private static ExtraFeatures serverExtensions(PaddockConfig config) throws ConfigException {
        try {
            ExtraFeatures extras = ExtraFeatures.NONE;
            for (ServerExtension extension : PluginLoader.services(ServerExtension.class, config.plugins())) {
                extras = extras.and(extension.features());
            }
            return extras;
        } catch (IllegalArgumentException e) {
            throw config.error("plugins", e.getMessage());
        }
    }

    private static CompletableFuture<Sandbox> startSandbox(Limits limits, Capacity capacity) {
        CompletableFuture<Sandbox> sandbox = CompletableFuture.supplyAsync(() -> {
                    Sandbox started = Sandbox.start(limits, capacity);
                    SessionHostApi.dropStateOnEviction(started);
                    return started;
                },
                runnable -> Thread.ofPlatform().daemon().name("paddock-sandbox-start").start(runnable));
        sandbox.thenAccept(started -> log.info("sandbox ready: {}", runtimeName(started)))
                .exceptionally(e -> {
                    log.error("the sandbox failed to start; execute calls will fail", e);
                    return null;
                });
        return sandbox;
    }

    /**
     * Serves one MCP session over the streams (the default profile's grants) until the input ends, then closes
     * this runtime, giving up on a stuck close after {@link BoundedClose#LIMIT}: the client that closed its end
     * expects the server to be gone promptly.
     */
    public void serveStdio(InputStream in, OutputStream out) {
        PaddockServer server = PaddockServer.overStdio(in, out, api -> sandbox.join().newIsolate(api),
                profiles.get(Profile.DEFAULT), extras);
        serving(server::close);
        log.info("paddock {} serving MCP over stdio", PaddockServer.version());
        server.closed().join();
        log.info("stdin ended, shutting down");
        BoundedClose.close(this);
    }

    /**
     * Binds Streamable HTTP on {@code /mcp}, one MCP server per profile, and returns the port; serves until
     * {@link #close()}.
     *
     * @param stateless no sessions: no {@code Mcp-Session-Id} is issued and each execute runs in a fresh isolate
     * @param maxQueue  longest an execution may wait to start; null for no limit
     * @throws ConfigException when the settings name a profile the config lacks or the address cannot be bound
     */
    public int serveHttp(HttpSettings settings, boolean stateless, Duration maxQueue) throws ConfigException {
        int port;
        try {
            var server = new PaddockHttpServer(settings,
                    (api, profileLimits) -> sandbox.join().newIsolate(api, profileLimits), profiles, stateless, maxQueue,
                    extras);
            serving(server::close);
            port = server.start();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ConfigException("cannot serve HTTP: " + e.getMessage());
        }
        log.info("paddock {} serving MCP over Streamable HTTP at http://{}/mcp ({}{})", PaddockServer.version(),
                settings.authority(port), settings.tokens().isEmpty() ? "no authentication" : "bearer tokens",
                stateless ? ", stateless" : "");
        return port;
    }

    /**
     * Runs one script in a fresh isolate with the default profile's grants, outside any MCP session
     * ({@code paddock exec}): nothing reports progress and nobody can be asked anything.
     */
    public ExecutionResult exec(ExecutionRequest request) {
        SessionHostApi api = profiles.get(Profile.DEFAULT).newSession();
        api.upstreamsReady(request.timeout()).join();
        Isolate isolate = sandbox.join().newIsolate(api);
        try {
            return isolate.submit(request, ExecutionListener.NONE).result().join();
        } finally {
            isolate.close();
            api.close();
        }
    }

    private synchronized void serving(Runnable stop) {
        if (stopServing != null) throw new IllegalStateException("this runtime is already serving; start another one");
        stopServing = stop;
    }

    /**
     * Stops serving (HTTP lets running requests finish up to its shutdown grace), ends the upstream servers'
     * processes, then closes the sandbox.
     */
    @Override
    public void close() {
        Runnable stop;
        synchronized (this) {
            stop = stopServing;
        }
        try {
            if (stop != null) stop.run();
        } finally {
            try {
                upstreams.close();
            } finally {
                sandbox.thenAccept(Sandbox::close);
            }
        }
    }

    private static String runtimeName(Sandbox sandbox) {
        return "optimizing".equals(sandbox.runtimeMode()) ? "GraalJS optimizing runtime" : "GraalJS interpreter";
    }
}
