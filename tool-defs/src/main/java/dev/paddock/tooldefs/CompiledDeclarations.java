package dev.paddock.tooldefs;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One namespace's declarations compiled once: the methods (each with its MCP tool) and the TypeScript a
 * model reads. Immutable, so a server can derive it once and share it between connections.
 *
 * @param namespace the namespace the tools and the rendering are named after
 * @param declarations what was compiled, for rendering several namespaces together
 *     ({@link ToolDefs#renderAll})
 * @param methods the methods that become tools, in declaration order
 * @param typeScript shared types once, then {@code declare const <namespace>: { … };}
 */
public record CompiledDeclarations(String namespace, Declarations declarations, List<ToolMethod> methods,
        String typeScript) {

    public CompiledDeclarations {
        methods = List.copyOf(methods);
    }

    /** Every method's MCP tool, in declaration order. */
    public List<ObjectNode> mcpTools() {
        return methods.stream().map(ToolMethod::tool).toList();
    }
}
