package dev.paddock.tooldefs;

import java.util.List;

/**
 * A declared method as a server binds it to an implementation and to its MCP tool.
 *
 * @param name the method name as declared ({@code forecast})
 * @param toolName the MCP tool name ({@code weather_forecast}), or for declarations read from an
 *     upstream tools/list, the upstream tool's own name
 * @param parameters the parameter names in declaration order (a rest parameter last)
 * @param objectInput true when the tool input object <em>is</em> the single parameter; false when each
 *     input property is the parameter of that name
 */
public record ToolMethod(String name, String toolName, List<String> parameters, boolean objectInput) {

    public ToolMethod {
        parameters = List.copyOf(parameters);
    }
}
