package dev.paddock.tooldefs;

import dev.paddock.tooldefs.model.Resolved;
import dev.paddock.tooldefs.model.Source;
import java.util.Map;

/**
 * The declarations of one input with their meaning resolved: parsed from a declaration file, or built
 * from an MCP {@code tools/list} result. For the latter, {@code toolNames} maps each method name to the
 * upstream tool's name (they differ where a name such as {@code get-env} is not an identifier); for a
 * declaration file it is empty, tool names coming from {@link ToolNaming}.
 */
public record Declarations(Source source, Resolved resolved, Map<String, String> toolNames) {

    public Declarations {
        toolNames = Map.copyOf(toolNames);
    }
}
