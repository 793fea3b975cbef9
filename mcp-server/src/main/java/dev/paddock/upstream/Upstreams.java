package dev.paddock.upstream;

import dev.paddock.capability.Capability;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every upstream MCP server of a running Paddock, per profile. Those not {@code lazy} start together at
 * startup; a lazy one starts with the first execute of a session of its profile ({@link UpstreamSession#ready}).
 * A server that fails its first start within the start timeout is logged and retried in the background with
 * the backoff of a crashed one; it holds up neither the others nor serving longer than that timeout, and until it
 * is back calls to it fail at once. One that fails later is restarted by its {@link UpstreamConnection} too. When a server's tools change (a lazy start, a restart, or the server's
 * {@code notifications/tools/list_changed}) its profile's listeners hear of it. Closing ends every process.
 */
public final class Upstreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Upstreams.class);

    public static final Upstreams NONE = new Upstreams(Map.of());

    private final Map<String, Profile> profiles;
    /** Ends the children when the JVM is stopped (kill -TERM) without anyone closing this. */
    private final Thread onExit;

    /** One profile's servers, the count of their type changes, and who to tell. */
    private static final class Profile {
        final List<UpstreamServer> servers = new ArrayList<>();
        final AtomicLong version = new AtomicLong();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        UpstreamSession view;

        void changed() {
            version.incrementAndGet();
            listeners.forEach(Runnable::run);
        }
    }

    private Upstreams(Map<String, Profile> profiles) {
        this.profiles = profiles;
        this.onExit = new Thread(this::closeServers, "upstream-shutdown");
        if (!profiles.isEmpty()) Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** @param specs profile name → its servers */
    public static Upstreams start(Map<String, List<UpstreamSpec>> specs) {
        return start(specs, UpstreamConnection.Settings.DEFAULTS.startTimeout());
    }

    /** As {@link #start(Map)}, giving each server at most {@code startTimeout} to answer initialize and tools/list. */
    public static Upstreams start(Map<String, List<UpstreamSpec>> specs, Duration startTimeout) {
        var settings = new UpstreamConnection.Settings(startTimeout, UpstreamConnection.Settings.DEFAULTS.maxMessageChars());
        Map<String, Profile> profiles = new LinkedHashMap<>();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        specs.forEach((name, servers) -> {
            Profile profile = new Profile();
            profiles.put(name, profile);
            for (UpstreamSpec spec : servers) {
                var server = new UpstreamServer(name, spec, settings, profile::changed);
                profile.servers.add(server);
                if (spec.lazy()) LOG.info("upstream '{}' (profile {}) starts with the first execute", spec.name(), name);
                else starting.add(server.start());
            }
            profile.view = new UpstreamSession(profile.servers, profile.version::get);
        });
        starting.forEach(start -> start.exceptionally(failure -> null).join());
        return new Upstreams(profiles);
    }

    static UpstreamTypes typesOf(UpstreamSpec spec, List<McpSchema.Tool> tools) {
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

    /**
     * The upstream capabilities a profile grants as their types are now: what its execute description shows.
     * Calls through them to a {@code perSession} server use a process of Paddock's own, not a session's.
     */
    public List<Capability> capabilities(String profile) {
        Profile found = profiles.get(profile);
        return found == null ? List.of() : found.view.capabilities();
    }

    /** A new session's view of its profile's servers; the caller closes it when the session ends. */
    public UpstreamSession session(String profile) {
        Profile found = profiles.get(profile);
        return found == null ? UpstreamSession.NONE : new UpstreamSession(found.servers, found.version::get);
    }

    /** The namespaces of the profile's lazy servers that have not started yet (no types known so far). */
    public List<String> notStarted(String profile) {
        Profile found = profiles.get(profile);
        return found == null ? List.of() : found.servers.stream().filter(UpstreamServer::notStarted)
                .map(server -> server.spec().namespace()).toList();
    }

    /** Namespace → why, for the profile's servers whose first start failed and that are retried (no types yet). */
    public Map<String, String> unavailable(String profile) {
        Profile found = profiles.get(profile);
        Map<String, String> down = new LinkedHashMap<>();
        if (found == null) return down;
        for (UpstreamServer server : found.servers) {
            String reason = server.unavailableReason();
            if (reason != null) down.put(server.spec().namespace(), reason);
        }
        return down;
    }

    /** Runs {@code listener} whenever the types of one of the profile's servers change. */
    public void onChange(String profile, Runnable listener) {
        Profile found = profiles.get(profile);
        if (found != null) found.listeners.add(listener);
    }

    /** Ends every server, in parallel (each may take a few seconds to exit). */
    @Override
    public void close() {
        if (profiles.isEmpty()) return;
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs this anyway
        }
        closeServers();
    }

    private void closeServers() {
        CompletableFuture.allOf(profiles.values().stream().flatMap(profile -> profile.servers.stream())
                .map(server -> CompletableFuture.runAsync(server::close, r -> Thread.ofVirtual().start(r)))
                .toArray(CompletableFuture[]::new)).join();
    }
}
