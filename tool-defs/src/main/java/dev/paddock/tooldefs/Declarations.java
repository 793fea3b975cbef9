package dev.paddock.tooldefs;

import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Source;
import java.util.List;
import java.util.Map;

/**
 * The declarations of one input: parsed from a declaration file, or built from an MCP
 * {@code tools/list} result. {@code toolNames} maps a method name to the upstream tool name when the
 * two differ (tool names such as {@code get-env} are not identifiers and were sanitised).
 */
public record Declarations(Source source, List<Declaration> declarations, Map<String, String> toolNames) {

    public Declarations {
        declarations = List.copyOf(declarations);
        toolNames = Map.copyOf(toolNames);
    }
}
