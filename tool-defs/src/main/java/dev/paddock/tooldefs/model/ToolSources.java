package dev.paddock.tooldefs.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the methods that become tools: the members of every {@code declare const ns: { … }} and of
 * every exported interface (or alias of an object literal type) that has methods. A file without any
 * of these (an ambient script) offers the methods of all such declarations.
 */
final class ToolSources {

    private ToolSources() {}

    /** The declarations whose methods are the tools. */
    static List<Declaration> sources(List<Declaration> declarations, TypeTable table) {
        List<Declaration> sources = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d instanceof Declaration.Const || isExported(d) && hasMethods(d, table)) sources.add(d);
        }
        if (sources.isEmpty()) {
            declarations.stream().filter(d -> hasMethods(d, table)).forEach(sources::add);
        }
        return sources;
    }

    /** The methods of {@code sources}; what keeps a source from offering tools goes to {@code errors}. */
    static List<Member> methods(List<Declaration> sources, TypeTable table, List<ModelError> errors) {
        List<Member> methods = new ArrayList<>();
        // Name → where the method was declared: an exported interface that extends another exported one
        // offers the inherited methods again, which is the same tool, not a second one.
        Map<String, Integer> names = new HashMap<>();
        for (Declaration source : sources) {
            if (!table.isSoundShape(typeOf(source))) continue;
            Type.ObjectType body;
            try {
                body = objectOf(source, table);
            } catch (ModelError e) {
                errors.add(e);
                continue;
            }
            for (Member m : body.members()) {
                if (!(m.type() instanceof Type.Function)) {
                    errors.add(new ModelError(m.offset(), "'" + m.name() + "' in '" + source.name()
                            + "' is not a method: tools are methods; declare data in a separate type"));
                } else if (names.containsKey(m.name())) {
                    if (names.get(m.name()) != m.offset()) {
                        errors.add(new ModelError(m.offset(), "method '" + m.name() + "' is declared twice"));
                    }
                } else {
                    names.put(m.name(), m.offset());
                    methods.add(m);
                }
            }
            if (body.indexValue() != null) {
                errors.add(new ModelError(source.offset(), "'" + source.name() + "' has an index signature: tools need fixed names"));
            }
        }
        return methods;
    }

    private static Type.ObjectType objectOf(Declaration source, TypeTable table) {
        if (!source.typeParams().isEmpty()) {
            throw new ModelError(source.offset(), "'" + source.name() + "' offers tools and cannot be generic");
        }
        Type.ObjectType body = table.asObject(typeOf(source));
        if (body == null) throw new ModelError(source.offset(), "'" + source.name() + "' must have an object type with methods");
        return body;
    }

    private static Type typeOf(Declaration source) {
        return source instanceof Declaration.Const c ? c.type() : new Type.Ref(source.name(), List.of(), source.offset());
    }

    private static boolean isExported(Declaration d) {
        return d instanceof Declaration.Interface i && i.exported() || d instanceof Declaration.Alias a && a.exported();
    }

    /**
     * An interface or an object type alias with at least one method, its own or inherited
     * ({@code interface Store extends Reader, Writer {}}, {@code type Api = Base & { … }}).
     */
    private static boolean hasMethods(Declaration d, TypeTable table) {
        Type.ObjectType body = switch (d) {
            case Declaration.Interface i -> i.body();
            case Declaration.Alias a when a.type() instanceof Type.ObjectType o -> o;
            default -> null;
        };
        if (body != null && body.members().stream().anyMatch(Member::isFunction)) return true;
        boolean composed = d instanceof Declaration.Interface i && !i.supers().isEmpty()
                || d instanceof Declaration.Alias a && a.type() instanceof Type.Intersection;
        if (!composed || !d.typeParams().isEmpty()) return false;
        Type.Ref ref = new Type.Ref(d.name(), List.of(), d.offset());
        // Unsound: its problem is reported already; as a tool source it is then skipped, not resolved.
        if (!table.isSoundShape(ref)) return true;
        try {
            Type.ObjectType resolved = table.asObject(ref);
            return resolved != null && resolved.members().stream().anyMatch(Member::isFunction);
        } catch (ModelError e) {
            return true; // a tool source after all: finding its methods reports the problem
        }
    }
}
