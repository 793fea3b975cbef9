package dev.paddock.upstream;

import dev.paddock.capability.Capability;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every upstream MCP server of a running Paddock: started together at startup, one connection per profile and
 * server (a profile's sessions share it), closed together at shutdown. A server that fails to start within
 * the start timeout is logged and left out of this run; it holds up neither the others nor serving longer
 * than that timeout. One that fails later is restarted by its {@link UpstreamConnection}.
 */
public final class Upstreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Upstreams.class);

    public static final Upstreams NONE = new Upstreams(Map.of(), List.of());

    private final Map<String, List<Capability>> byProfile;
    private final List<UpstreamConnection> connections;
    /** Ends the children when the JVM is stopped (kill -TERM) without anyone closing this. */
    private final Thread onExit;

    private Upstreams(Map<String, List<Capability>> byProfile, List<UpstreamConnection> connections) {
        this.byProfile = byProfile;
        this.connections = connections;
        this.onExit = new Thread(this::closeConnections, "upstream-shutdown");
        if (!connections.isEmpty()) Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** @param specs profile name → its servers */
    public static Upstreams start(Map<String, List<UpstreamSpec>> specs) {
        return start(specs, UpstreamConnection.Settings.DEFAULTS.startTimeout());
    }

    /** As {@link #start(Map)}, giving each server at most {@code startTimeout} to answer initialize and tools/list. */
    public static Upstreams start(Map<String, List<UpstreamSpec>> specs, Duration startTimeout) {
        var settings = new UpstreamConnection.Settings(startTimeout, UpstreamConnection.Settings.DEFAULTS.maxMessageChars());
        record Starting(String profile, UpstreamConnection connection, CompletableFuture<UpstreamCapability> started) {}
        List<Starting> starting = new ArrayList<>();
        specs.forEach((profile, servers) -> servers.forEach(spec -> {
            var connection = new UpstreamConnection(spec, settings);
            starting.add(new Starting(profile, connection, connection.start()
                    .thenApply(tools -> new UpstreamCapability(connection, typesOf(spec, tools)))));
        }));
        Map<String, List<Capability>> byProfile = new LinkedHashMap<>();
        List<UpstreamConnection> live = new ArrayList<>();
        for (Starting s : starting) {
            UpstreamSpec spec = s.connection().spec();
            try {
                Capability capability = s.started().join().capability();
                live.add(s.connection());
                if (capability.declarations().isEmpty()) {
                    LOG.warn("upstream '{}' (profile {}) offers no tool this profile may call; it is left out", spec.name(), s.profile());
                    continue;
                }
                byProfile.computeIfAbsent(s.profile(), p -> new ArrayList<>()).add(capability);
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.error("upstream '{}' ({}, profile {}) is left out of this run: {}", spec.name(), spec.launch(), s.profile(),
                        cause.getMessage());
                s.connection().close();
            }
        }
        return new Upstreams(byProfile, live);
    }

    private static UpstreamTypes typesOf(UpstreamSpec spec, List<McpSchema.Tool> tools) {
        UpstreamTypes types = UpstreamTypes.of(spec, tools);
        if (!spec.namespace().equals(spec.name())) {
            LOG.info("upstream '{}' is the namespace {} (a JavaScript identifier)", spec.name(), spec.namespace());
        }
        types.toolNames().forEach((method, tool) -> {
            if (!method.equals(tool)) LOG.info("upstream '{}': tool '{}' is {}.{}", spec.name(), tool, spec.namespace(), method);
        });
        types.leftOut().forEach((tool, why) -> LOG.warn("upstream '{}': tool '{}' is left out: {}", spec.name(), tool, why));
        LOG.info("upstream '{}' ready ({}): {} tools as {}.*", spec.name(), spec.launch(), types.toolNames().size(), spec.namespace());
        return types;
    }

    /** The upstream capabilities a profile grants, for each of its sessions. */
    public List<Capability> capabilities(String profile) {
        return byProfile.getOrDefault(profile, List.of());
    }

    /** Ends every server, in parallel (each may take a few seconds to exit). */
    @Override
    public void close() {
        if (connections.isEmpty()) return;
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs this anyway
        }
        closeConnections();
    }

    private void closeConnections() {
        CompletableFuture.allOf(connections.stream()
                .map(c -> CompletableFuture.runAsync(c::close, r -> Thread.ofVirtual().start(r)))
                .toArray(CompletableFuture[]::new)).join();
    }
}
