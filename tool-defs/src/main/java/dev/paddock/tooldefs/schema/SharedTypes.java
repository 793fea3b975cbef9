package dev.paddock.tooldefs.schema;

import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.Param;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.Type.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Declares object types that upstream schemas repeat inline (the same entity in five tools' inputs and
 * outputs) once, as a named alias. Repetition is what makes JSON tool lists expensive to read; a model
 * pays for each copy of a type in tokens, so each copy becomes a name.
 */
final class SharedTypes {

    private static final int MAX_ROUNDS = 100;

    private final List<Declaration> aliases;
    private final List<Member> methods;
    private final Set<String> typeNames;

    SharedTypes(List<Declaration> aliases, List<Member> methods, Set<String> typeNames) {
        this.aliases = aliases;
        this.methods = methods;
        this.typeNames = typeNames;
    }

    /** Hoists the most valuable repeated object type, again and again, until none repeats. */
    void hoist() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<ObjectType, Integer> counts = new HashMap<>();
            Map<ObjectType, String> names = new HashMap<>();
            for (Declaration d : aliases) count(((Declaration.Alias) d).type(), d.name(), counts, names);
            for (Member m : methods) count(m.type(), m.name(), counts, names);
            ObjectType best = null;
            long bestScore = 0;
            for (var e : counts.entrySet()) {
                long score = (long) (e.getValue() - 1) * weight(e.getKey());
                if (e.getValue() >= 2 && worthNaming(e.getKey(), e.getValue()) && score > bestScore) {
                    best = e.getKey();
                    bestScore = score;
                }
            }
            if (best == null) return;
            ObjectType target = best;
            // An alias that already is this type (a $defs entry a tool also writes inline) lends its name,
            // rather than becoming an alias of a new name for the same type.
            String existing = aliases.stream().filter(d -> ((Declaration.Alias) d).type().equals(target))
                    .map(Declaration::name).findFirst().orElse(null);
            // One field names its object ({ content: string } → Content): short, and says what it holds.
            String base = best.members().size() == 1 ? pascal(best.members().getFirst().name()) : names.get(best);
            String name = existing != null ? existing : Identifiers.unique(Identifiers.typeName(base), typeNames);
            Ref ref = new Ref(name, List.of(), 0);
            aliases.replaceAll(d -> {
                Declaration.Alias a = (Declaration.Alias) d;
                if (a.name().equals(name)) return a;
                return new Declaration.Alias(a.name(), a.typeParams(), replace(a.type(), target, ref), a.exported(), a.doc(), a.offset());
            });
            methods.replaceAll(m -> new Member(m.name(), replace(m.type(), target, ref), m.optional(), m.readonly(),
                    m.method(), m.doc(), m.offset()));
            if (existing == null) aliases.add(new Declaration.Alias(name, List.of(), best, false, Doc.EMPTY, 0));
        }
    }

    /** A name costs a declaration and a token or two per use: for one plain field, only when used often. */
    private static boolean worthNaming(ObjectType o, int uses) {
        return o.members().size() >= 2 || uses >= 3 || o.members().stream().anyMatch(m -> !m.doc().isEmpty())
                || o.members().stream().anyMatch(m -> !(m.type() instanceof Primitive));
    }

    private static int weight(ObjectType o) {
        return o.toString().length();
    }

    /** Counts object types; {@code context} is the name the type would get (property, method + role). */
    private static void count(Type type, String context, Map<ObjectType, Integer> counts, Map<ObjectType, String> names) {
        switch (type) {
            case ObjectType o -> {
                counts.merge(o, 1, Integer::sum);
                names.putIfAbsent(o, pascal(context));
                for (Member m : o.members()) count(m.type(), m.name(), counts, names);
                if (o.indexValue() != null) count(o.indexValue(), context + "Value", counts, names);
            }
            case ArrayOf a -> count(a.element(), singular(context), counts, names);
            case Tuple t -> t.elements().forEach(e -> count(e.type(), context + "Item", counts, names));
            case Union u -> u.members().forEach(m -> count(m, context, counts, names));
            case Intersection i -> i.members().forEach(m -> count(m, context, counts, names));
            case Function f -> {
                f.params().forEach(p -> count(p.type(), context + "Input", counts, names));
                count(f.returns(), context + "Output", counts, names);
            }
            case Ref r -> r.args().forEach(a -> count(a, context, counts, names));
            default -> { }
        }
    }

    private static Type replace(Type type, ObjectType target, Ref ref) {
        if (type.equals(target)) return ref;
        return switch (type) {
            case ObjectType o -> new ObjectType(o.members().stream().map(m -> new Member(m.name(),
                    replace(m.type(), target, ref), m.optional(), m.readonly(), m.method(), m.doc(), m.offset())).toList(),
                    o.indexValue() == null ? null : replace(o.indexValue(), target, ref), o.indexDoc());
            case ArrayOf a -> new ArrayOf(replace(a.element(), target, ref));
            case Tuple t -> new Tuple(t.elements().stream().map(e -> new Element(e.label(),
                    replace(e.type(), target, ref), e.optional(), e.rest())).toList());
            case Union u -> new Union(u.members().stream().map(m -> replace(m, target, ref)).toList());
            case Intersection i -> new Intersection(i.members().stream().map(m -> replace(m, target, ref)).toList(), i.offset());
            case Function f -> new Function(f.params().stream().map(p -> p.withType(replace(p.type(), target, ref))).toList(),
                    replace(f.returns(), target, ref), f.offset());
            case Ref r -> new Ref(r.name(), r.args().stream().map(a -> replace(a, target, ref)).toList(), r.offset());
            default -> type;
        };
    }

    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.isEmpty() ? "Shared" : out.toString();
    }

    private static String singular(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies")) return name.substring(0, name.length() - 3) + "y";
        if (lower.endsWith("s") && !lower.endsWith("ss")) return name.substring(0, name.length() - 1);
        return name + "Item";
    }
}
