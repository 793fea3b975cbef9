package dev.paddock.tooldefs;

import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.ModelError;
import dev.paddock.tooldefs.model.Source;
import dev.paddock.tooldefs.model.ToolSources;
import dev.paddock.tooldefs.model.TypeTable;
import dev.paddock.tooldefs.parse.Parser;
import dev.paddock.tooldefs.render.TypeScriptRenderer;
import dev.paddock.tooldefs.schema.SchemaReader;
import dev.paddock.tooldefs.schema.ToolBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TypeScript declarations ⇄ MCP tool descriptions and JSON Schema.
 *
 * <pre>
 * Declarations d = ToolDefs.parse("weather.d.ts", text);        // every error at once, or none
 * List&lt;ObjectNode&gt; tools = ToolDefs.toMcpTools(d, "weather", ToolNaming.DEFAULT);
 * String ts = ToolDefs.render(ToolDefs.fromToolsList(upstreamToolsList, "github"), "github");
 * </pre>
 */
public final class ToolDefs {

    private ToolDefs() {}

    /**
     * Parses a declaration file and checks its meaning (references resolve, tool methods exist and
     * their types can be expressed as JSON Schema).
     *
     * @throws DeclarationException with every problem in the file, in source order
     */
    public static Declarations parse(String fileName, String source) {
        // An editor's byte-order mark is not text: left in, it would shift every column of line 1.
        Source src = new Source(fileName, source.startsWith("\uFEFF") ? source.substring(1) : source);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Parser parser = new Parser(src, diagnostics);
        var declarations = parser.parse();
        List<ModelError> errors = new ArrayList<>(TypeTable.check(declarations, parser.unparsed()));
        if (errors.isEmpty() && diagnostics.isEmpty()) {
            TypeTable table = new TypeTable(declarations);
            List<Member> methods = ToolSources.methods(declarations, table, errors);
            if (methods.isEmpty() && errors.isEmpty()) {
                errors.add(new ModelError(source.length(), "no tools declared: add an exported interface with "
                        + "methods, or 'declare const ns: { method(input: {...}): Promise<Result> }'"));
            }
            ToolBuilder builder = new ToolBuilder(table, "ns", ToolNaming.DEFAULT);
            for (Member m : methods) {
                try {
                    builder.tool(m);
                } catch (ModelError e) {
                    errors.add(e);
                }
            }
        }
        errors.forEach(e -> diagnostics.add(src.diagnostic(e.offset() < 0 ? 0 : e.offset(), e.getMessage())));
        if (!diagnostics.isEmpty()) {
            // Two tools using one broken type meet the same problem: report it once.
            throw new DeclarationException(diagnostics.stream().distinct()
                    .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)).toList());
        }
        return new Declarations(src, declarations, java.util.Map.of());
    }

    /**
     * One MCP tool object ({@code name}, {@code description}, {@code inputSchema}, {@code outputSchema})
     * per declared method, in declaration order.
     *
     * @throws DeclarationException when a tool name breaks the MCP rules (e.g. a namespace with spaces)
     */
    public static List<ObjectNode> toMcpTools(Declarations declarations, String namespace, ToolNaming naming) {
        TypeTable table = new TypeTable(declarations.declarations());
        List<ModelError> errors = new ArrayList<>();
        List<Member> methods = ToolSources.methods(declarations.declarations(), table, errors);
        ToolBuilder builder = new ToolBuilder(table, namespace, naming);
        List<ObjectNode> tools = new ArrayList<>();
        for (Member m : methods) {
            try {
                tools.add(builder.tool(m));
            } catch (ModelError e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw new DeclarationException(errors.stream()
                    .map(e -> declarations.source().diagnostic(Math.max(0, e.offset()), e.getMessage())).toList());
        }
        return tools;
    }

    /**
     * The methods that become tools, with what a server needs to bind them: names, parameter names and
     * how the tool input maps onto the parameters.
     */
    public static List<ToolMethod> methods(Declarations declarations, String namespace, ToolNaming naming) {
        TypeTable table = new TypeTable(declarations.declarations());
        ToolBuilder builder = new ToolBuilder(table, namespace, naming);
        List<ToolMethod> methods = new ArrayList<>();
        for (Member m : ToolSources.methods(declarations.declarations(), table, new ArrayList<>())) {
            var f = (dev.paddock.tooldefs.model.Type.Function) m.type();
            String upstream = declarations.toolNames().get(m.name());
            String toolName = upstream != null ? upstream : naming.name(namespace, m.name());
            methods.add(new ToolMethod(m.name(), toolName,
                    f.params().stream().map(dev.paddock.tooldefs.model.Param::name).toList(), builder.takesObjectInput(f)));
        }
        return methods;
    }

    /**
     * Reads a {@code tools/list} result ({@code {"tools": [...]}}) of an upstream MCP server. Tool names
     * that are not identifiers are sanitised; {@link Declarations#toolNames()} maps every method back to
     * its upstream tool name.
     *
     * @throws IllegalArgumentException when the JSON is not a tools/list result
     */
    public static Declarations fromToolsList(JsonNode toolsListResult, String namespace) {
        SchemaReader reader = new SchemaReader();
        var declarations = reader.read(toolsListResult, namespace);
        return new Declarations(new Source(namespace + ".json", toolsListResult.toString()), declarations,
                reader.toolNames());
    }

    /** The TypeScript a model reads: shared types once, then {@code declare const <namespace>: { … };}. */
    public static String render(Declarations declarations, String namespace) {
        return new TypeScriptRenderer(declarations.declarations()).render(namespace);
    }

    /**
     * Several namespaces (namespace → declarations, in order) as one valid TypeScript text; a type name
     * that an earlier namespace already declared is prefixed with its namespace ({@code MemoryEntity}).
     */
    public static String renderAll(java.util.SequencedMap<String, Declarations> namespaces) {
        var byNamespace = new java.util.LinkedHashMap<String, List<dev.paddock.tooldefs.model.Declaration>>();
        namespaces.forEach((namespace, d) -> byNamespace.put(namespace, d.declarations()));
        return TypeScriptRenderer.renderAll(byNamespace);
    }
}
