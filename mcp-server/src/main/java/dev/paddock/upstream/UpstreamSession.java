package dev.paddock.upstream;

import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * One session's view of its profile's upstream servers: their capabilities as their types are now (which
 * {@link #version()} says changed), lazy servers started by {@link #ready()}, and the session's own processes
 * of {@code perSession} servers, which {@link #close()} ends.
 */
public final class UpstreamSession implements AutoCloseable {
    public static final UpstreamSession NONE = new UpstreamSession(List.of(), () -> 0);

    private final Map<UpstreamServer, UpstreamServer.Link> links = new LinkedHashMap<>();
    private final LongSupplier version;

    UpstreamSession(List<UpstreamServer> servers, LongSupplier version) {
        servers.forEach(server -> links.put(server, server.link()));
        this.version = version;
    }

    /** Counts changes of the servers' types: when it moves, {@link #capabilities()} differ. */
    public long version() {
        return version.getAsLong();
    }

    /** The servers that have tools to offer, as capabilities of this session. */
    public List<Capability> capabilities() {
        List<Capability> capabilities = new ArrayList<>();
        links.forEach((server, link) -> capabilities.add(server.capability(link)));
        capabilities.removeIf(Objects::isNull);
        return capabilities;
    }

    /**
     * The namespaces of servers whose first start failed and that are retried: they have no types yet, and
     * every call to them fails at once with {@link #unavailable(String)}.
     */
    public List<String> unavailable() {
        return links.keySet().stream().filter(server -> server.unavailable() != null).map(server -> server.spec().namespace()).toList();
    }

    /** Why a call to {@code namespace} fails at once (its server never started and is retried), or null. */
    public CapabilityException unavailable(String namespace) {
        for (UpstreamServer server : links.keySet()) {
            if (server.spec().namespace().equals(namespace)) return server.unavailable();
        }
        return null;
    }

    /**
     * Starts the lazy servers that have not started yet; completes when each has started or failed (a failed
     * one is logged and retried in the background, as at startup).
     */
    public CompletableFuture<Void> ready() {
        return CompletableFuture.allOf(links.keySet().stream().filter(UpstreamServer::notStarted)
                .map(server -> server.start().exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        links.values().forEach(UpstreamServer.Link::close);
    }
}
