package dev.paddock.transport.http;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SDK's view of the transport for one MCP server instance. Sessions whose caller has this provider's
 * profile are started by its server; several servers (one per profile, each with its own tool list) can
 * share one HTTP port this way.
 */
final class ProfileProvider implements McpStreamableServerTransportProvider {
    private static final Logger log = LoggerFactory.getLogger(ProfileProvider.class);

    private final String profile;
    private final SessionTable sessions;
    private volatile McpStreamableServerSession.Factory factory;

    ProfileProvider(String profile, SessionTable sessions) {
        this.profile = profile;
        this.sessions = sessions;
    }

    String profile() {
        return profile;
    }

    McpStreamableServerSession.Factory factory() {
        return factory;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.factory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.of(this))
                .flatMap(s -> s.sdk().sendNotification(method, params).onErrorResume(e -> {
                    log.debug("notification {} to session {} failed: {}", method, s.id(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.justOrEmpty(sessions.byEitherId(sessionId))
                .filter(s -> s.provider() == this)
                .flatMap(s -> s.sdk().sendNotification(method, params));
    }

    /** Ends this server's sessions; the HTTP listener itself stops with {@link StreamableHttpTransport#close()}. */
    @Override
    public Mono<Void> closeGracefully() {
        return sessions.endAll(this);
    }
}
