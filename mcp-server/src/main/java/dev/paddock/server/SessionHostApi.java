package dev.paddock.server;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import dev.paddock.sandbox.ExecutionScope;
import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.HostCallException;
import dev.paddock.sandbox.HostCalls;
import dev.paddock.sandbox.JsonConstraints;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.upstream.UpstreamSession;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One session's way out of its isolate: its own capability instances (so in-memory state stays with the
 * connection), {@code fetch} among them as {@code #egress}. Every call, from agent code or a direct tool,
 * goes to {@link CapabilitySet#call}. Translates capability failures into JS errors: bad arguments become
 * TypeErrors, everything else an Error with the capability's code.
 */
public final class SessionHostApi implements HostApi {
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Supplier<List<Capability>> newCapabilities;
    private final Supplier<UpstreamSession> newUpstreams;
    private final Function<List<Capability>, CapabilitySet> bind;
    /** Replaced when the sandbox evicts the session's isolate: in-memory state goes with the globals. */
    private volatile Bound bound;
    private final String profile;
    private final Set<String> ungranted;
    private final Duration wallTime;

    /**
     * The session's capabilities bound together: its own instances and its upstream servers as their types
     * were at {@code version}; rebound with the same instances when the upstream types change.
     */
    private record Bound(List<Capability> own, UpstreamSession upstreams, long version, CapabilitySet set) {}

    /**
     * @param newCapabilities the session's own capability instances
     * @param newUpstreams    the session's view of its profile's upstream servers
     * @param ungranted       capabilities the server offers that the profile does not grant
     * @param wallTime        the profile's execution time limit, which bounds the wait for lazy upstream servers
     */
    SessionHostApi(Supplier<List<Capability>> newCapabilities, Supplier<UpstreamSession> newUpstreams,
            Function<List<Capability>, CapabilitySet> bind, String profile, Set<String> ungranted, Duration wallTime) {
        this.newCapabilities = newCapabilities;
        this.newUpstreams = newUpstreams;
        this.bind = bind;
        this.bound = fresh();
        this.profile = profile;
        this.ungranted = ungranted;
        this.wallTime = wallTime;
    }

    private Bound fresh() {
        List<Capability> own = newCapabilities.get();
        UpstreamSession upstreams = newUpstreams.get();
        long version = upstreams.version();
        return new Bound(own, upstreams, version, bind.apply(ProfileGrants.withUpstreams(own, upstreams.capabilities())));
    }

    /** The bound set, rebound first if an upstream server's tools changed since. */
    private CapabilitySet capabilities() {
        Bound now = bound;
        if (now.upstreams().version() == now.version()) return now.set();
        synchronized (this) {
            now = bound;
            long version = now.upstreams().version();
            if (version != now.version()) {
                now = new Bound(now.own(), now.upstreams(), version,
                        bind.apply(ProfileGrants.withUpstreams(now.own(), now.upstreams().capabilities())));
                bound = now;
            }
            return now.set();
        }
    }

    /**
     * Completes once the profile's lazy upstream servers have started (or failed to), or after the execution's
     * time limit ({@code asked}, at most the profile's): the first execute waits for them so its namespaces exist.
     */
    CompletableFuture<Void> upstreamsReady(Optional<Duration> asked) {
        Duration within = asked.filter(d -> d.compareTo(wallTime) < 0).orElse(wallTime);
        return bound.upstreams().ready().completeOnTimeout(null, within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the profile's lazy upstream servers have all started (or failed to): then nothing waits for them. */
    boolean upstreamsStarted() {
        return bound.upstreams().ready().isDone();
    }

    /** The session ended: its own upstream processes end too. */
    void close() {
        bound.upstreams().close();
    }

    /**
     * Makes sessions lose their in-memory capability state when the sandbox evicts their isolate, as the
     * eviction notice tells the agent.
     */
    static void dropStateOnEviction(Sandbox sandbox) {
        sandbox.onEviction(isolate -> {
            if (isolate.hostApi() instanceof SessionHostApi session) {
                Bound evicted;
                synchronized (session) {
                    evicted = session.bound;
                    session.bound = session.fresh();
                }
                evicted.upstreams().close();
            }
        });
    }

    String profile() {
        return profile;
    }

    @Override
    public Map<String, List<String>> namespaces() {
        Map<String, List<String>> granted = capabilities().methodNames();
        List<String> unavailable = bound.upstreams().unavailable();
        if (unavailable.isEmpty()) return granted;
        Map<String, List<String>> all = new LinkedHashMap<>(granted);
        unavailable.forEach(namespace -> all.putIfAbsent(namespace, ANY_METHOD));
        return all;
    }

    @Override
    public Set<String> ungranted() {
        return ungranted;
    }

    @Override
    public String whyWithheld(String namespace, String method) {
        return capabilities().whyWithheld(namespace, method);
    }

    /** A call from a run without an MCP client ({@code paddock exec}). */
    @Override
    public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
        return fromIsolate(namespace, method, argumentsJson,
                CallContext.withoutClient(profile, scope.deadline(), scope.whenEnded()));
    }

    /**
     * This session's calls for one execute request of its MCP client: capabilities see that request, and
     * {@code inFlight} counts the calls until they finish.
     */
    HostCalls forRequest(McpAsyncServerExchange exchange, ProgressReporter progress, HostCallsInFlight inFlight) {
        return (namespace, method, argumentsJson, scope) -> inFlight.track(namespace + "." + method,
                fromIsolate(namespace, method, argumentsJson,
                        new McpCallContext(exchange, progress, scope.deadline(), scope.whenEnded(), profile)));
    }

    /** Runs a capability call for a direct MCP tool call, outside any isolate. */
    CompletableFuture<JsonNode> callDirect(CapabilitySet.DirectTool tool, JsonNode input, McpCallContext context) {
        CapabilitySet current = capabilities();
        return current.call(tool.namespace(), tool.method(), current.argumentsOf(tool, input), context);
    }

    /** The context knows when the execution ends: capabilities stop their host work through it. */
    private CompletableFuture<String> fromIsolate(String namespace, String method, String argumentsJson, CallContext context) {
        CapabilityException unavailable = bound.upstreams().unavailable(namespace);
        if (unavailable != null) {
            // its tools are not known yet, so there is no method to resolve: every call says why, at once
            return CompletableFuture.failedFuture(toJsError(unavailable));
        }
        CompletableFuture<String> call;
        try {
            JsonNode arguments = JSON.readTree(argumentsJson);
            call = capabilities().call(namespace, method, arguments, context).thenApply(JSON::writeValueAsString);
        } catch (StreamConstraintsException e) {
            call = CompletableFuture.failedFuture(new CapabilityException("EINVAL",
                    JsonConstraints.describe(e, "the arguments of " + namespace + "." + method, true)));
        } catch (JacksonException e) {
            call = CompletableFuture.failedFuture(new CapabilityException("EINVAL", namespace + "." + method
                    + ": the arguments could not be read as JSON"));
        }
        return call.exceptionallyCompose(failure -> CompletableFuture.failedFuture(toJsError(failure)));
    }

    private static Throwable toJsError(Throwable failure) {
        Throwable cause = CapabilityException.unwrap(failure);
        if (cause instanceof CapabilityException c) {
            return new HostCallException("EINVAL".equals(c.code()) ? "TypeError" : "Error", c.code(), c.getMessage());
        }
        return cause;
    }
}
