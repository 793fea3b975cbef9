package dev.paddock.capability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The capabilities granted to one connection, and the path every call from its isolate takes:
 * argument validation → audit → invocation on the host executor. Built once per connection; binding
 * fails fast (at startup) when declarations and implementations disagree.
 */
public final class CapabilitySet {
    /** Reads what a capability's TypeScript declares; implemented over tool-defs. */
    public interface DeclarationReader {
        List<DeclaredMethod> methods(Capability capability);

        /** The declarations as the model reads them ({@code declare const ns: { … }}). */
        String render(Capability capability);
    }

    public static final CapabilitySet NONE = new CapabilitySet(Map.of(), List.of(), List.of());

    private final Map<String, List<String>> methodNames;
    private final List<String> renderedDeclarations;
    private final List<CallStep> steps;

    private CapabilitySet(Map<String, List<String>> methodNames, List<String> renderedDeclarations, List<CallStep> steps) {
        this.methodNames = methodNames;
        this.renderedDeclarations = renderedDeclarations;
        this.steps = steps;
    }

    public static CapabilitySet bind(List<Capability> capabilities, DeclarationReader reader, JsonMapper json, Executor hostExecutor) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, DeclaredMethod> declared = new LinkedHashMap<>();
        Map<String, BoundMethod> bound = new LinkedHashMap<>();
        List<String> rendered = new ArrayList<>();
        for (Capability capability : capabilities) {
            if (names.containsKey(capability.namespace())) {
                throw new IllegalArgumentException("two capabilities use the namespace '" + capability.namespace()
                        + "'; give each its own");
            }
            List<DeclaredMethod> methods = reader.methods(capability);
            Map<String, BoundMethod> joined = CapabilityBinder.bind(capability, methods, json);
            names.put(capability.namespace(), methods.stream().map(DeclaredMethod::name).toList());
            for (DeclaredMethod m : methods) declared.put(capability.namespace() + "." + m.name(), m);
            joined.forEach((method, b) -> bound.put(capability.namespace() + "." + method, b));
            rendered.add(reader.render(capability));
        }
        List<CallStep> steps = List.of(new ArgumentValidation(declared), new CallAudit(), new Invocation(bound, hostExecutor));
        return new CapabilitySet(Map.copyOf(names), List.copyOf(rendered), steps);
    }

    /** Namespace → method names, in declaration order: what the isolate's bridge offers. */
    public Map<String, List<String>> methodNames() {
        return methodNames;
    }

    /** The granted declarations as one TypeScript text for the execute description ("" when none). */
    public String declarations() {
        return String.join("\n", renderedDeclarations);
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
