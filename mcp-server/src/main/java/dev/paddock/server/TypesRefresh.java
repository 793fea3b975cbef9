package dev.paddock.server;

import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.StandardLibrary;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Brings one profile's MCP server up to date when its types change while serving (an upstream server's tools
 * changed): execute gets its new description, each namespace its type resource, and the direct tools
 * ({@code exposeAsTools}) are added and removed to match. The SDK then sends
 * {@code notifications/tools/list_changed} (and resources/list_changed) to every session.
 */
final class TypesRefresh implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(TypesRefresh.class);

    private final McpAsyncServer server;
    private final ExecuteTool execute;
    private final ProfileGrants grants;
    private final SessionIsolates isolates;
    private final Limits limits;
    /** The direct tools the server offers now, so that those gone can be removed. */
    private Set<String> directTools;

    TypesRefresh(McpAsyncServer server, ExecuteTool execute, ProfileGrants grants, SessionIsolates isolates, Limits limits,
            List<AsyncToolSpecification> directTools) {
        this.server = server;
        this.execute = execute;
        this.grants = grants;
        this.isolates = isolates;
        this.limits = limits;
        this.directTools = names(directTools);
    }

    @Override
    public synchronized void run() {
        Mono<Void> update = server.addTool(execute.specification(limits, StandardLibrary.DECLARATIONS, grants));
        List<AsyncToolSpecification> direct = CapabilityFeatures.directTools(grants, isolates, limits);
        Set<String> gone = new HashSet<>(directTools);
        gone.removeAll(names(direct));
        for (String name : gone) update = update.then(server.removeTool(name));
        for (AsyncToolSpecification tool : direct) update = update.then(server.addTool(tool));
        for (AsyncResourceSpecification resource : CapabilityFeatures.typeResources(grants)) {
            update = update.then(server.addResource(resource));
        }
        directTools = names(direct);
        update.subscribe(done -> {}, failure -> log.warn("could not tell clients that the types changed: {}", failure.toString()));
    }

    private static Set<String> names(List<AsyncToolSpecification> tools) {
        Set<String> names = new HashSet<>();
        tools.forEach(tool -> names.add(tool.tool().name()));
        return names;
    }
}
