package dev.paddock.tooldefs;

import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.ModelError;
import dev.paddock.tooldefs.model.Param;
import dev.paddock.tooldefs.model.Resolved;
import dev.paddock.tooldefs.model.Source;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.TypeTable;
import dev.paddock.tooldefs.parse.Parser;
import dev.paddock.tooldefs.render.TypeScriptRenderer;
import dev.paddock.tooldefs.schema.SchemaReader;
import dev.paddock.tooldefs.schema.ToolBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TypeScript declarations ⇄ MCP tool descriptions and JSON Schema.
 *
 * <pre>
 * CompiledDeclarations weather = ToolDefs.compile("weather.d.ts", text, "weather", ToolNaming.DEFAULT);
 * weather.methods();     // each with its MCP tool: weather_forecast {inputSchema, outputSchema}
 * weather.typeScript();  // what a model reads
 * String ts = ToolDefs.render(ToolDefs.fromToolsList(upstreamToolsList, "github"), "github");
 * </pre>
 */
public final class ToolDefs {

    private ToolDefs() {}

    /**
     * Parses a declaration file once, checks its meaning (references resolve, tool methods exist, their
     * types can be expressed as JSON Schema, tool names follow the MCP rules) and compiles it. The meaning
     * is checked even where the syntax is broken, so one run reports a bad JSDoc tag value beside a type
     * that JSON cannot carry; a tool whose types meet an error reported already is not checked again.
     *
     * @throws DeclarationException with every problem in the file, in source order
     */
    public static CompiledDeclarations compile(String fileName, String text, String namespace, ToolNaming naming) {
        // An editor's byte-order mark is not text: left in, it would shift every column of line 1.
        Source source = new Source(fileName, text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Parser parser = new Parser(source, diagnostics);
        TypeTable table = new TypeTable(parser.parse());
        List<ModelError> errors = table.check(parser.unparsed());
        Resolved resolved = new Resolved(table);
        if (errors.isEmpty() && diagnostics.isEmpty() && resolved.methods().isEmpty() && resolved.problems().isEmpty()) {
            throw failure(source, diagnostics, List.of(new ModelError(source.text().length(), "no tools declared: add an "
                    + "exported interface with methods, or 'declare const ns: { method(input: {...}): Promise<Result> }'")));
        }
        Declarations declarations = new Declarations(source, resolved, Map.of());
        List<ModelError> toolErrors = new ArrayList<>();
        List<ToolMethod> methods = toolMethods(declarations, namespace, naming, toolErrors);
        errors.forEach(e -> diagnostics.add(source.diagnostic(e.offset(), e.getMessage())));
        // The parser reports an overload; meeting the method twice, the tool checks would say so again.
        List<Diagnostic> checked = List.copyOf(diagnostics);
        toolErrors.stream().map(e -> source.diagnostic(e.offset(), e.getMessage()))
                .filter(d -> checked.stream().noneMatch(r -> r.line() == d.line() && r.column() == d.column()))
                .forEach(diagnostics::add);
        if (!diagnostics.isEmpty()) throw failure(source, diagnostics, List.of());
        return new CompiledDeclarations(namespace, declarations, methods, new TypeScriptRenderer(resolved).render(namespace));
    }

    /**
     * Compiles declarations read by {@link #fromToolsList}: a method keeps its upstream tool's name.
     *
     * @throws DeclarationException when a method cannot become a tool
     */
    public static CompiledDeclarations compile(Declarations declarations, String namespace, ToolNaming naming) {
        List<ModelError> errors = new ArrayList<>();
        List<ToolMethod> methods = toolMethods(declarations, namespace, naming, errors);
        if (!errors.isEmpty()) throw failure(declarations.source(), List.of(), errors);
        return new CompiledDeclarations(namespace, declarations, methods,
                new TypeScriptRenderer(declarations.resolved()).render(namespace));
    }

    /** Each sound method as a tool; what keeps a source or a method from being one goes to {@code errors}. */
    private static List<ToolMethod> toolMethods(Declarations declarations, String namespace, ToolNaming naming,
            List<ModelError> errors) {
        Resolved resolved = declarations.resolved();
        errors.addAll(resolved.problems());
        ToolBuilder builder = new ToolBuilder(resolved.table());
        List<ToolMethod> methods = new ArrayList<>();
        for (Member m : resolved.methods()) {
            if (!resolved.table().isSound(m.type())) continue;
            try {
                String toolName = declarations.toolNames().get(m.name());
                if (toolName == null) toolName = toolName(naming, namespace, m);
                var f = (Type.Function) m.type();
                int found = errors.size();
                ObjectNode tool = builder.tool(m, toolName, errors);
                if (errors.size() == found) {
                    methods.add(new ToolMethod(m.name(), toolName, f.params().stream().map(Param::name).toList(),
                            builder.takesObjectInput(f), tool));
                }
            } catch (ModelError e) {
                errors.add(e);
            }
        }
        return methods;
    }

    private static String toolName(ToolNaming naming, String namespace, Member method) {
        try {
            return naming.name(namespace, method.name());
        } catch (IllegalArgumentException e) {
            throw new ModelError(method.offset(), e.getMessage());
        }
    }

    private static DeclarationException failure(Source source, List<Diagnostic> diagnostics, List<ModelError> errors) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        errors.forEach(e -> all.add(source.diagnostic(Math.max(0, e.offset()), e.getMessage())));
        // Two tools using one broken type meet the same problem: report it once.
        return new DeclarationException(all.stream().distinct()
                .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)).toList());
    }

    /**
     * Reads a {@code tools/list} result ({@code {"tools": [...]}}) of an upstream MCP server, a bare array of
     * tools, or the whole JSON-RPC response that carries the result. Tool names
     * that are not identifiers are sanitised; {@link Declarations#toolNames()} maps every method back to
     * its upstream tool name.
     *
     * @throws IllegalArgumentException when the JSON is not a tools/list result
     */
    public static Declarations fromToolsList(JsonNode toolsListResult, String namespace) {
        SchemaReader reader = new SchemaReader();
        List<Declaration> declarations = reader.read(toolsListResult, namespace);
        return new Declarations(new Source(namespace + ".json", toolsListResult.toString()),
                new Resolved(new TypeTable(declarations)), reader.toolNames());
    }

    /**
     * The TypeScript a model reads, for declarations that are not compiled into tools (an upstream
     * tools/list shown as types): shared types once, then {@code declare const <namespace>: { … };}.
     */
    public static String render(Declarations declarations, String namespace) {
        return new TypeScriptRenderer(declarations.resolved()).render(namespace);
    }

    /**
     * Several namespaces, in order, as one valid TypeScript text; a type name that an earlier namespace
     * already declared is prefixed with its namespace ({@code MemoryEntity}).
     */
    public static String renderAll(List<CompiledDeclarations> namespaces) {
        var byNamespace = new LinkedHashMap<String, Resolved>();
        namespaces.forEach(c -> byNamespace.put(c.namespace(), c.declarations().resolved()));
        return TypeScriptRenderer.renderAll(byNamespace);
    }
}
