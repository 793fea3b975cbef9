package dev.paddock.capability;

import com.networknt.schema.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Joins declared methods to the public methods of the implementation, and refuses to start on any
 * mismatch: a declared method without implementation, a public method nobody declared (it would be
 * unreachable, which is nearly always a mistake), overloads, differing parameter counts, or a record
 * parameter whose components are not the declared properties ({@link RecordShapes}). Every problem is
 * reported at once, naming both sides. A {@link DynamicImplementation} has no Java methods to compare:
 * each declared method is bound to it by name.
 */
final class CapabilityBinder {
    /** Compiled input schemas of dynamic methods by content: sessions of one upstream share them. */
    private static final Map<JsonNode, Schema> DYNAMIC_SCHEMAS = new ConcurrentHashMap<>();

    private CapabilityBinder() {}

    static Map<String, BoundMethod> bind(Capability capability, List<DeclaredMethod> declared) {
        if (capability.implementation() instanceof DynamicImplementation dynamic) return bindDynamic(dynamic, declared);
        Class<?> type = capability.implementation().getClass();
        String javaName = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        String ns = capability.namespace();
        Map<String, List<Method>> publicMethods = Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && !m.isBridge() && !m.isSynthetic())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .collect(Collectors.groupingBy(Method::getName, LinkedHashMap::new, Collectors.toList()));

        List<String> problems = new ArrayList<>();
        Map<String, BoundMethod> bound = new LinkedHashMap<>();
        for (DeclaredMethod method : declared) {
            List<Method> candidates = publicMethods.remove(method.name());
            if (candidates == null) {
                problems.add(ns + "." + method.name() + " is declared but " + javaName + " has no public method "
                        + method.name() + " — implement it or remove it from the declarations");
                continue;
            }
            if (candidates.size() > 1) {
                problems.add(javaName + "." + method.name() + " is overloaded (" + candidates.size()
                        + " public methods); keep exactly one implementation per declared method");
                continue;
            }
            Method java = candidates.get(0);
            int javaParams = java.getParameterCount();
            Class<?>[] types = java.getParameterTypes();
            if (javaParams > 0 && types[javaParams - 1] == CallContext.class) javaParams--;
            if (javaParams != method.params().size()) {
                problems.add(ns + "." + method.name() + " takes " + count(method.params().size()) + " in the declarations ("
                        + String.join(", ", method.params()) + ") but " + javaName + "." + method.name() + " takes "
                        + count(javaParams) + (javaParams == java.getParameterCount() ? "" : " plus a CallContext"));
                continue;
            }
            for (int i = 0; i < javaParams; i++) {
                RecordShapes.compare(ns + "." + method.name() + "(" + method.params().get(i) + ")",
                        java.getGenericParameterTypes()[i], method.paramSchema(i), method.inputJson(), problems);
            }
            bound.put(method.name(), new JavaMethod(method, capability.implementation(), java));
        }
        publicMethods.keySet().forEach(name -> problems.add(javaName + "." + name + " is public but not declared in '" + ns
                + "' — declare it in the TypeScript or make it non-public"));
        if (!problems.isEmpty()) throw new CapabilityBindingException(ns, problems);
        return bound;
    }

    /**
     * Each declared method takes one object, checked against the implementation's own input schema: the
     * schema derived back from the declarations may be looser (TypeScript cannot say every JSON Schema rule).
     */
    private static Map<String, BoundMethod> bindDynamic(DynamicImplementation dynamic, List<DeclaredMethod> declared) {
        Map<String, BoundMethod> bound = new LinkedHashMap<>();
        for (DeclaredMethod method : declared) {
            JsonNode schema = dynamic.inputSchema(method.name());
            bound.put(method.name(), new DynamicMethod(new DeclaredMethod(method.name(), List.of("input"), true,
                    DYNAMIC_SCHEMAS.computeIfAbsent(schema, CapabilitySet.SCHEMAS::getSchema), schema), dynamic));
        }
        return bound;
    }

    private static String count(int n) {
        return n == 1 ? "1 parameter" : n + " parameters";
    }
}
