package dev.paddock.capability;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paddock.tooldefs.CompiledDeclarations;
import dev.paddock.tooldefs.ToolDefs;
import dev.paddock.tooldefs.ToolMethod;
import dev.paddock.tooldefs.ToolNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The capabilities granted to one connection, and the path every call from its isolate takes:
 * argument validation against the declared schema → the host's policy → audit → invocation on the host
 * executor. Built per
 * connection; binding fails fast when declarations and implementations disagree, so the server checks
 * each profile's set once at startup.
 */
public final class CapabilitySet {
    /** One declared method as an MCP tool, for exposing capabilities as direct tools. */
    public record DirectTool(String namespace, String method, ObjectNode tool) {}

    public static final CapabilitySet NONE = new CapabilitySet(Map.of(), Map.of(), "", Map.of(), List.of(), List.of());

    /** What one namespace's declarations yield: immutable, so derived once and shared by every connection. */
    private record Derived(CompiledDeclarations compiled, List<DeclaredMethod> methods) {}

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Derived> DERIVED = new ConcurrentHashMap<>();

    private final Map<String, List<String>> methodNames;
    private final Map<String, DeclaredMethod> declared;
    private final String declarations;
    private final Map<String, String> declarationsByNamespace;
    private final List<DirectTool> tools;
    private final List<CallStep> steps;

    private CapabilitySet(Map<String, List<String>> methodNames, Map<String, DeclaredMethod> declared, String declarations,
            Map<String, String> declarationsByNamespace, List<DirectTool> tools, List<CallStep> steps) {
        this.declarationsByNamespace = declarationsByNamespace;
        this.methodNames = methodNames;
        this.declared = declared;
        this.declarations = declarations;
        this.tools = tools;
        this.steps = steps;
    }

    /**
     * @throws dev.paddock.tooldefs.DeclarationException when a capability's TypeScript is invalid
     * @throws CapabilityBindingException when declarations and Java methods disagree
     */
    public static CapabilitySet bind(List<Capability> capabilities, JsonMapper json, Executor hostExecutor) {
        return bind(capabilities, CallPolicy.ALLOW_ALL, json, hostExecutor);
    }

    /** As {@link #bind(List, JsonMapper, Executor)}, with a host's policy deciding each valid call. */
    public static CapabilitySet bind(List<Capability> capabilities, CallPolicy policy, JsonMapper json, Executor hostExecutor) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, DeclaredMethod> declared = new LinkedHashMap<>();
        Map<String, BoundMethod> bound = new LinkedHashMap<>();
        List<CompiledDeclarations> compiled = new ArrayList<>();
        List<DirectTool> tools = new ArrayList<>();
        for (Capability capability : capabilities) {
            String ns = capability.namespace();
            if (names.containsKey(ns)) {
                throw new IllegalArgumentException("two capabilities use the namespace '" + ns + "'; give each its own");
            }
            Derived derived = DERIVED.computeIfAbsent(ns + "\u0000" + capability.declarations(),
                    key -> derive(ns, capability.declarations()));
            List<DeclaredMethod> declaredMethods = derived.methods();
            for (ToolMethod m : derived.compiled().methods()) tools.add(new DirectTool(ns, m.name(), m.tool()));
            Map<String, BoundMethod> joined = CapabilityBinder.bind(capability, declaredMethods, json);
            names.put(ns, declaredMethods.stream().map(DeclaredMethod::name).toList());
            for (DeclaredMethod m : declaredMethods) declared.put(ns + "." + m.name(), m);
            joined.forEach((method, b) -> bound.put(ns + "." + method, b));
            compiled.add(derived.compiled());
        }
        List<CallStep> steps = List.of(new ArgumentValidation(declared), policy.asStep(), new CallAudit(),
                new Invocation(bound, hostExecutor));
        String rendered = ToolDefs.renderAll(compiled);
        Map<String, String> byNamespace = new LinkedHashMap<>();
        compiled.forEach(c -> byNamespace.put(c.namespace(), c.typeScript()));
        return new CapabilitySet(Map.copyOf(names), Map.copyOf(declared), rendered, byNamespace, List.copyOf(tools), steps);
    }

    private static Derived derive(String ns, String text) {
        CompiledDeclarations compiled = ToolDefs.compile(ns + ".d.ts", text, ns, ToolNaming.DEFAULT);
        List<DeclaredMethod> declared = compiled.methods().stream().map(m -> new DeclaredMethod(m.name(),
                m.parameters(), m.objectInput(), SCHEMAS.getSchema(m.inputSchema()))).toList();
        return new Derived(compiled, declared);
    }

    /** Namespace → method names, in declaration order: what the isolate's bridge offers. */
    public Map<String, List<String>> methodNames() {
        return methodNames;
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
    public JsonNode argumentsOf(DirectTool tool, JsonNode input, JsonMapper json) {
        var arguments = json.createArrayNode();
        DeclaredMethod method = declared.get(tool.namespace() + "." + tool.method());
        if (method.singleObjectInput()) {
            arguments.add(input);
        } else {
            for (String param : method.params()) arguments.add(input.path(param).isMissingNode() ? json.nullNode() : input.get(param));
        }
        return arguments;
    }

    /** Runs a call along the path; the future fails with {@link CapabilityException} for agent-facing errors. */
    public CompletableFuture<JsonNode> call(CapabilityCall call) {
        if (!methodNames.containsKey(call.namespace())) {
            return CompletableFuture.failedFuture(new CapabilityException("ENOSYS", "'" + call.namespace()
                    + "' is not granted to this connection; granted: " + String.join(", ", methodNames.keySet())));
        }
        return proceed(0, call);
    }

    private CompletableFuture<JsonNode> proceed(int index, CapabilityCall call) {
        try {
            return steps.get(index).handle(call, next -> proceed(index + 1, next));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
