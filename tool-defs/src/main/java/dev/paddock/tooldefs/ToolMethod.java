package dev.paddock.tooldefs;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A declared method as a server binds it to an implementation, together with its MCP tool.
 *
 * @param name the method name as declared ({@code forecast})
 * @param toolName the MCP tool name ({@code weather_forecast}), or for declarations read from an
 *     upstream tools/list, the upstream tool's own name
 * @param parameters the parameter names in declaration order (a rest parameter last)
 * @param objectInput true when the tool input object <em>is</em> the single parameter; false when each
 *     input property is the parameter of that name
 * @param tool the MCP tool object: {@code name}, {@code description}, {@code inputSchema} and, when the
 *     method returns an object, {@code outputSchema}
 */
public record ToolMethod(String name, String toolName, List<String> parameters, boolean objectInput, ObjectNode tool) {

    public ToolMethod {
        parameters = List.copyOf(parameters);
        tool = tool.deepCopy();
    }

    /** A copy: JSON nodes are mutable, and one compiled method is shared by every connection. */
    @Override
    public ObjectNode tool() {
        return tool.deepCopy();
    }

    /** The JSON Schema of the tool input. */
    public ObjectNode inputSchema() {
        return (ObjectNode) tool.get("inputSchema").deepCopy();
    }

    /** The JSON Schema of the tool's structured result; empty when the method does not return an object. */
    public Optional<ObjectNode> outputSchema() {
        return Optional.ofNullable((ObjectNode) tool.get("outputSchema")).map(ObjectNode::deepCopy);
    }
}
