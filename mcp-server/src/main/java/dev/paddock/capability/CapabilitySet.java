package dev.paddock.capability;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paddock.tooldefs.CompiledDeclarations;
import dev.paddock.tooldefs.ToolDefs;
import dev.paddock.tooldefs.ToolMethod;
import dev.paddock.tooldefs.ToolNaming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The capabilities granted to one connection. A call names {@code namespace.method}; it is resolved here,
 * once, into a {@link CapabilityCall} and then takes the {@link CallPath}. Built per connection; binding
 * fails fast when declarations and implementations disagree, so the server checks each profile's set
 * once at startup.
 *
 * <p>Namespaces that start with {@code #} belong to Paddock's own runtime ({@code #egress}, behind the
 * isolate's {@code fetch}): they take the same path, but the model is not shown their declarations, the
 * isolate installs no global for them and they are never direct tools.
 */
public final class CapabilitySet {
    /** One declared method as an MCP tool, for exposing capabilities as direct tools. */
    public record DirectTool(String namespace, String method, ObjectNode tool) {}

    /** What one namespace's declarations yield: immutable, so derived once and shared by every connection. */
    private record Derived(CompiledDeclarations compiled, List<DeclaredMethod> methods) {}

    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Derived> DERIVED = new ConcurrentHashMap<>();

    /** Every namespace's method names; {@link #globals} leaves out the runtime's own. */
    private final Map<String, List<String>> methodNames;
    private final Map<String, List<String>> globals;
    /** By qualified name ({@code files.read}), runtime namespaces included. */
    private final Map<String, BoundMethod> methods;
    private final String declarations;
    private final Map<String, String> declarationsByNamespace;
    private final List<DirectTool> tools;
    /** Qualified names of methods left out on purpose → what grants them. */
    private final Map<String, String> withheld;
    private final CallPath path;

    private CapabilitySet(Map<String, List<String>> methodNames, Map<String, BoundMethod> methods, String declarations,
            Map<String, String> declarationsByNamespace, List<DirectTool> tools, Map<String, String> withheld,
            CallPath path) {
        this.withheld = withheld;
        this.declarationsByNamespace = declarationsByNamespace;
        this.methodNames = methodNames;
        Map<String, List<String>> globals = new LinkedHashMap<>(methodNames);
        globals.keySet().removeIf(Capability::isRuntime);
        this.globals = Collections.unmodifiableMap(globals);
        this.methods = methods;
        this.declarations = declarations;
        this.tools = tools;
        this.path = path;
    }

    /**
     * @throws dev.paddock.tooldefs.DeclarationException when a capability's TypeScript is invalid
     * @throws CapabilityBindingException when declarations and Java methods disagree
     */
    public static CapabilitySet bind(List<Capability> capabilities, Executor hostExecutor) {
        return bind(capabilities, CallPolicy.ALLOW_ALL, hostExecutor);
    }

    /** As {@link #bind(List, Executor)}, with a host's policy deciding each valid call. */
    public static CapabilitySet bind(List<Capability> capabilities, CallPolicy policy, Executor hostExecutor) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, BoundMethod> bound = new LinkedHashMap<>();
        List<CompiledDeclarations> shown = new ArrayList<>();
        List<DirectTool> tools = new ArrayList<>();
        Map<String, String> withheld = new LinkedHashMap<>();
        for (Capability capability : capabilities) {
            String ns = capability.namespace();
            capability.withheld().forEach((method, why) -> withheld.put(ns + "." + method, why));
            if (names.containsKey(ns)) {
                throw new IllegalArgumentException("two capabilities use the namespace '" + ns + "'; give each its own");
            }
            Derived derived = DERIVED.computeIfAbsent(ns + "\u0000" + capability.declarations(),
                    key -> derive(ns, capability.declarations()));
            CapabilityBinder.bind(capability, derived.methods()).forEach((method, b) -> bound.put(ns + "." + method, b));
            names.put(ns, derived.methods().stream().map(DeclaredMethod::name).toList());
            if (capability.isRuntime()) continue;
            for (ToolMethod m : derived.compiled().methods()) tools.add(new DirectTool(ns, m.name(), m.tool()));
            shown.add(derived.compiled());
        }
        Map<String, String> byNamespace = new LinkedHashMap<>();
        shown.forEach(c -> byNamespace.put(c.namespace(), c.typeScript()));
        Map<String, BoundMethod> methods = Map.copyOf(bound);
        return new CapabilitySet(Collections.unmodifiableMap(names), methods, ToolDefs.renderAll(shown),
                Collections.unmodifiableMap(byNamespace), List.copyOf(tools), Map.copyOf(withheld),
                new CallPath(methods, policy, hostExecutor));
    }

    private static Derived derive(String ns, String text) {
        // A runtime namespace is no MCP tool name; its methods are never exposed as tools anyway.
        ToolNaming naming = Capability.isRuntime(ns) ? new ToolNaming("{method}") : ToolNaming.DEFAULT;
        CompiledDeclarations compiled = ToolDefs.compile(ns + ".d.ts", text, ns, naming);
        List<DeclaredMethod> declared = compiled.methods().stream().map(m -> new DeclaredMethod(m.name(),
                m.parameters(), m.objectInput(), SCHEMAS.getSchema(m.inputSchema()), m.inputSchema())).toList();
        return new Derived(compiled, declared);
    }

    /** Namespace → method names, in declaration order, without runtime namespaces: the isolate's globals. */
    public Map<String, List<String>> methodNames() {
        return globals;
    }

    /** The granted declarations as one TypeScript text for the model ("" when none). */
    public String declarations() {
        return declarations;
    }

    /** Namespace → its declarations alone, in grant order. */
    public Map<String, String> declarationsByNamespace() {
        return declarationsByNamespace;
    }

    /** Every granted method as an MCP tool ({@code files_read}), for {@code exposeAsTools}. */
    public List<DirectTool> tools() {
        return tools;
    }

    /** The tool input of a direct tool call as the argument list the call path expects. */
    public JsonNode argumentsOf(DirectTool tool, JsonNode input) {
        var arguments = JsonNodeFactory.instance.arrayNode();
        DeclaredMethod method = methods.get(tool.namespace() + "." + tool.method()).declared();
        if (method.singleObjectInput()) {
            arguments.add(input);
        } else {
            for (String param : method.params()) arguments.add(input.path(param).isMissingNode() ? JsonNodeFactory.instance.nullNode() : input.get(param));
        }
        return arguments;
    }

    /**
     * Resolves {@code namespace.method} and runs the call along the path; the future fails with
     * {@link CapabilityException} for agent-facing errors (ENOSYS when nothing by that name is granted).
     */
    public CompletableFuture<JsonNode> call(String namespace, String method, JsonNode arguments, CallContext context) {
        if (!methods.containsKey(namespace + "." + method)) {
            var refusal = new CapabilityException("ENOSYS", notGranted(namespace, method));
            CallAudit.unresolved(context.profile(), namespace + "." + method, refusal);
            return CompletableFuture.failedFuture(refusal);
        }
        return path.run(new CapabilityCall(namespace, method, arguments, context));
    }

    /** What would grant a method this set leaves out on purpose ({@link Capability#withholding}), or null. */
    public String whyWithheld(String namespace, String method) {
        return withheld.get(namespace + "." + method);
    }

    private String notGranted(String namespace, String method) {
        List<String> inNamespace = methodNames.get(namespace);
        if (inNamespace == null) {
            Set<String> granted = globals.keySet();
            return "'" + namespace + "' is not granted to this connection; granted: "
                    + (granted.isEmpty() ? "none" : String.join(", ", granted));
        }
        String why = whyWithheld(namespace, method);
        return namespace + "." + method + " is not a granted method; '" + namespace + "' has: " + String.join(", ", inNamespace)
                + (why == null ? "" : "; " + why);
    }
}
