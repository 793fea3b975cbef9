package dev.paddock.transport.http;

import dev.paddock.transport.Durations;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The open sessions, found by either of their ids: the one the client sees ({@code Mcp-Session-Id}) and the
 * SDK's own, which the MCP server's handlers know as {@code exchange.sessionId()}. Also the MCP servers that
 * start them, one {@link ProfileProvider} per profile. A session ends here once, whatever ends it (DELETE,
 * idle expiry, shutdown, the end of a stateless request), and the session-closed hook runs for it.
 */
final class SessionTable {
    private static final Logger log = LoggerFactory.getLogger(SessionTable.class);

    /** The provider that serves every profile without a server of its own. */
    static final String ANY_PROFILE = "*";

    private final HttpSettings settings;
    private final Consumer<String> sessionClosed;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byClientId = new ConcurrentHashMap<>();
    private final Map<String, Session> bySdkId = new ConcurrentHashMap<>();
    private final Map<String, ProfileProvider> providers = new ConcurrentHashMap<>();

    /** @param sessionClosed called with the SDK's session id once a session has ended */
    SessionTable(HttpSettings settings, Consumer<String> sessionClosed) {
        this.settings = settings;
        this.sessionClosed = sessionClosed;
    }

    ProfileProvider provider(String profile) {
        return providers.computeIfAbsent(profile, p -> new ProfileProvider(p, this));
    }

    /** The provider whose server serves the caller's profile, if any does. */
    Optional<ProfileProvider> providerFor(BearerAuth.Caller caller) {
        return Optional.ofNullable(providers.get(caller.profile()))
                .or(() -> Optional.ofNullable(providers.get(ANY_PROFILE)))
                .filter(p -> p.factory() != null);
    }

    /** A session that was just started, and the SDK's answer to its {@code initialize}. */
    record Opened(Session session, Mono<McpSchema.InitializeResult> initResult) {}

    /**
     * Starts a session like {@link #open}, within the caller's {@link HttpSettings#maxSessionsPerToken()}: at
     * the limit, the caller's own longest-idle session (nothing running, no stream open) is ended to make
     * room, since clients that crash or forget DELETE would otherwise lock their token out until idle expiry.
     * Never another token's session. Null when every session of the caller is busy: then nothing is ended.
     */
    synchronized Opened openWithinLimit(ProfileProvider provider, McpSchema.InitializeRequest params,
            BearerAuth.Caller caller) {
        List<Session> own = byClientId.values().stream().filter(s -> s.caller().key().equals(caller.key())).toList();
        if (own.size() >= settings.maxSessionsPerToken()) {
            Session idlest = own.stream().filter(Session::evictable)
                    .min(Comparator.comparingLong(Session::lastActivity)).orElse(null);
            if (idlest == null) return null;
            log.info("session {} evicted: its token opened a new session beyond its {} (http.maxSessionsPerToken)",
                    idlest.id(), settings.maxSessionsPerToken());
            endQuietly(idlest, "the session was evicted: its token opened more than "
                    + settings.maxSessionsPerToken() + " sessions (http.maxSessionsPerToken)");
        }
        return open(provider, params, caller);
    }

    /** Starts a session on the provider's server and adds it to the table. */
    Opened open(ProfileProvider provider, McpSchema.InitializeRequest params, BearerAuth.Caller caller) {
        var init = provider.factory().startSession(params);
        var session = new Session(newSessionId(), init.session(), caller, provider, settings.replayEvents(),
                settings.maxStreamBufferBytes());
        byClientId.put(session.id(), session);
        bySdkId.put(session.sdk().getId(), session);
        McpTransportContext context = session.context(null, null);
        return new Opened(session, init.initResult().contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)));
    }

    /** The session the client knows by this {@code Mcp-Session-Id}. */
    Optional<Session> byClientId(String id) {
        return Optional.ofNullable(byClientId.get(id));
    }

    /** The session with this id, the client's or the SDK's. */
    Optional<Session> byEitherId(String id) {
        return Optional.ofNullable(byClientId.get(id)).or(() -> Optional.ofNullable(bySdkId.get(id)));
    }

    int size() {
        return byClientId.size();
    }

    List<Session> of(ProfileProvider provider) {
        return byClientId.values().stream().filter(s -> s.provider() == provider).toList();
    }

    /** Drops a session whose {@code initialize} failed: it never served anything, so it gets no hook. */
    void forget(Session session) {
        byClientId.remove(session.id(), session);
        bySdkId.remove(session.sdk().getId(), session);
    }

    /**
     * Ends a session once, however many paths (DELETE, expiry, shutdown) reach it at the same time; requests
     * still running get an error that gives the reason, e.g. "the client ended the session (DELETE)".
     */
    Mono<Void> end(Session session, String reason) {
        if (!byClientId.remove(session.id(), session)) return Mono.empty();
        bySdkId.remove(session.sdk().getId(), session);
        // The hook runs before the DELETE is answered, so a client that saw 200 knows the isolate is gone.
        return session.close(reason).onErrorResume(e -> {
            log.debug("closing session {}: {}", session.id(), e.toString());
            return Mono.empty();
        }).then(Mono.fromRunnable(() -> {
            try {
                sessionClosed.accept(session.sdk().getId());
            } catch (RuntimeException e) {
                log.warn("session-closed hook failed for {}: {}", session.id(), e.toString());
            }
        }));
    }

    /** Ends a session without anyone waiting for it. */
    void endQuietly(Session session, String reason) {
        end(session, reason).subscribe(null, e -> log.debug("ending session {}: {}", session.id(), e.toString()));
    }

    /** Closes sessions with no traffic and no open stream for longer than the idle timeout. */
    void expireIdle(Duration timeout) {
        for (Session session : byClientId.values()) {
            if (session.idleFor(timeout)) {
                log.info("session {} expired after {} idle", session.id(), Durations.human(timeout));
                endQuietly(session, "the session expired after " + timeout + " idle");
            }
        }
    }

    void keepAlive() {
        byClientId.values().forEach(Session::keepAlive);
    }

    /** Ends the sessions of one provider's server, or of all when the provider is null. */
    Mono<Void> endAll(ProfileProvider provider) {
        return Flux.fromIterable(byClientId.values())
                .filter(s -> provider == null || s.provider() == provider)
                .flatMap(s -> end(s, "the server is shutting down").onErrorComplete())
                .then();
    }

    /** {@code <instance>-<128 random bits>}: unguessable, and routable by its prefix. */
    private String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String randomPart = HexFormat.of().formatHex(bytes);
        return settings.instanceId() == null ? randomPart : settings.instanceId() + "-" + randomPart;
    }
}
