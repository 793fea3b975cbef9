package dev.paddock.tooldefs;

import dev.paddock.tooldefs.schema.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of {@code paddock tools --from-ts} and {@code paddock types --from-schema}, free of any
 * CLI library so the CLI can wire them as it likes (it reads the files). Exit codes: 0 done, 2 invalid
 * input (diagnostics on {@code err}).
 */
public final class ToolDefsCommands {

    public static final int OK = 0;
    public static final int INVALID_INPUT = 2;

    private ToolDefsCommands() {}

    /**
     * Prints {@code {"tools": [...]}} for declarations read from {@code source} (a file name, or e.g.
     * {@code <stdin>}, naming them in errors), tools named by {@code naming}.
     */
    public static int tools(String source, String text, String namespace, ToolNaming naming, PrintStream out, PrintStream err) {
        try {
            List<ObjectNode> tools = ToolDefs.compile(source, text, namespace, naming).mcpTools();
            ObjectNode result = Json.MAPPER.createObjectNode();
            result.putArray("tools").addAll(tools);
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return OK;
        } catch (DeclarationException e) {
            e.diagnostics().forEach(d -> err.println(d.format()));
            return INVALID_INPUT;
        }
    }

    /**
     * Prints the TypeScript rendering of a tools/list result (or the JSON-RPC response that carries it)
     * read from {@code source}.
     */
    public static int types(String source, String text, String namespace, PrintStream out, PrintStream err) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            err.println(source + ":" + (location == null ? 1 : location.getLineNr()) + ":"
                    + (location == null ? 1 : location.getColumnNr()) + ": invalid JSON: " + e.getOriginalMessage());
            return INVALID_INPUT;
        }
        try {
            out.print(ToolDefs.render(ToolDefs.fromToolsList(json, namespace), namespace));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(source + ":1:1: " + e.getMessage());
            return INVALID_INPUT;
        }
    }

    /** {@code weather.d.ts} → {@code weather}; anything that is not an identifier character → '_'. */
    public static String defaultNamespace(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ns = base.replaceAll("[^A-Za-z0-9_$]", "_");
        return ns.isEmpty() || Character.isDigit(ns.charAt(0)) ? "_" + ns : ns;
    }
}
