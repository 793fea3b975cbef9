package dev.paddock.upstream;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.Capability;
import dev.paddock.capability.DynamicImplementation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upstream MCP server as a capability: its namespace, the TypeScript of its granted tools, and calls
 * forwarded to its {@link UpstreamConnection} under the tools' real names. The connection is the profile's
 * (one process for all its sessions) or, for a {@code perSession} server, the session's own, started by its
 * first call: that call waits for the start within its deadline.
 */
final class UpstreamCapability implements DynamicImplementation {
    private final UpstreamSpec spec;
    private final Function<CallContext, CompletableFuture<UpstreamConnection>> connection;
    private final UpstreamTypes types;

    UpstreamCapability(UpstreamSpec spec, Function<CallContext, CompletableFuture<UpstreamConnection>> connection, UpstreamTypes types) {
        this.spec = spec;
        this.connection = connection;
        this.types = types;
    }

    /** The capability agent code calls; tools the grant leaves out say so when called. */
    Capability capability() {
        Capability capability = Capability.of(spec.namespace(), types.typeScript(), this);
        for (var withheld : types.withheld().entrySet()) capability = capability.withholding(withheld.getKey(), withheld.getValue());
        return capability;
    }

    @Override
    public JsonNode inputSchema(String method) {
        return types.inputSchemas().get(method);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<JsonNode> call(String method, JsonNode input, CallContext context) {
        String qualifiedName = spec.namespace() + "." + method;
        Map<String, Object> arguments = JsonMapper.shared().convertValue(input, Map.class);
        return connection.apply(context)
                .thenCompose(live -> live.call(qualifiedName, types.toolNames().get(method), arguments, context))
                .thenApply(result -> UpstreamResults.toValue(qualifiedName, result));
    }
}
