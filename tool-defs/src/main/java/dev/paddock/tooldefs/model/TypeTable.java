package dev.paddock.tooldefs.model;

import dev.paddock.tooldefs.model.Type.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Gives references their meaning: looks declarations up, instantiates generics, and reduces the
 * object-producing forms (interfaces with {@code extends}, intersections, {@code Partial}, {@code Pick},
 * {@code Omit}, {@code Record} with literal keys) to one {@link ObjectType}.
 */
public final class TypeTable {

    /** Built-in generic names and how many type arguments each takes. */
    private static final Map<String, Integer> BUILT_INS = Map.of("Promise", 1, "Record", 2, "Partial", 1,
            "Pick", 2, "Omit", 2, "Readonly", 1);
    private static final int MAX_DEPTH = 64;

    private final List<Declaration> declarations;
    private final Map<String, Declaration> byName = new LinkedHashMap<>();
    /** Where {@link #check} found a problem, and the names it was told did not parse: see {@link #isSound}. */
    private final Set<Integer> reported = new java.util.HashSet<>();
    private final Set<String> unparsed = new java.util.HashSet<>();

    public TypeTable(List<Declaration> declarations) {
        this.declarations = List.copyOf(declarations);
        for (Declaration d : declarations) byName.putIfAbsent(d.name(), d);
    }

    /** Every declaration, in source order. */
    public List<Declaration> declarations() {
        return declarations;
    }

    public Declaration lookup(String name) {
        return byName.get(name);
    }

    /**
     * Reports duplicate names and references that do not resolve; the rest of the checks run per tool.
     * References to {@code unparsed} names (declarations whose syntax errors are reported already) are
     * not reported again as unknown.
     */
    public List<ModelError> check(Set<String> unparsed) {
        this.unparsed.addAll(unparsed);
        List<ModelError> errors = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof Declaration.Alias a && refersToItselfDirectly(a)) {
                errors.add(new ModelError(a.offset(), "type '" + a.name()
                        + "' refers to itself without an object or array in between"));
            }
            if (!seen.add(d.name())) {
                errors.add(new ModelError(d.offset(), "'" + d.name() + "' is declared twice"));
            }
            Set<String> scope = new LinkedHashSet<>(d.typeParams());
            Consumer<Type> checkRefs = t -> walk(t, r -> {
                if (!unparsed.contains(r.name()) || scope.contains(r.name())) checkRef(r, scope, errors);
            });
            switch (d) {
                case Declaration.Interface i -> {
                    i.supers().forEach(checkRefs);
                    checkRefs.accept(i.body());
                }
                case Declaration.Alias a -> checkRefs.accept(a.type());
                case Declaration.Const c -> checkRefs.accept(c.type());
                case Declaration.Enum e -> { }
            }
        }
        errors.forEach(e -> reported.add(e.offset()));
        return errors;
    }

    /**
     * False when {@code type}, or a declaration it refers to, holds a problem {@link #check} reported or a
     * reference to a declaration that did not parse. The per-tool checks skip such a type: resolving it
     * would report the same problem again in other words, or fail on a wrong number of type arguments.
     * Always true for a table that was not checked, or checked clean.
     */
    public boolean isSound(Type type) {
        return sound(type, true);
    }

    /** As {@link #isSound}, looking only at what makes the type's shape: not into object members' types. */
    boolean isSoundShape(Type type) {
        return sound(type, false);
    }

    private boolean sound(Type type, boolean members) {
        if (reported.isEmpty() && unparsed.isEmpty()) return true;
        Set<String> visited = new java.util.HashSet<>();
        java.util.Deque<Type> work = new java.util.ArrayDeque<>(List.of(type));
        while (!work.isEmpty()) {
            switch (work.pop()) {
                case Ref r -> {
                    Declaration d = byName.get(r.name());
                    if (reported.contains(r.offset()) || unparsed.contains(r.name())
                            || d != null && reported.contains(d.offset())) {
                        return false;
                    }
                    work.addAll(r.args());
                    if (d != null && visited.add(d.name())) {
                        switch (d) {
                            case Declaration.Interface i -> {
                                work.addAll(i.supers());
                                work.add(i.body());
                            }
                            case Declaration.Alias a -> work.add(a.type());
                            case Declaration.Const c -> work.add(c.type());
                            case Declaration.Enum e -> { }
                        }
                    }
                }
                case ArrayOf a -> work.add(a.element());
                case Tuple t -> t.elements().forEach(e -> work.add(e.type()));
                case Union u -> work.addAll(u.members());
                case Intersection i -> work.addAll(i.members());
                case ObjectType o when members -> {
                    o.members().forEach(m -> work.add(m.type()));
                    if (o.indexValue() != null) work.add(o.indexValue());
                }
                case Function f -> {
                    f.params().forEach(p -> work.add(p.type()));
                    work.add(f.returns());
                }
                default -> { }
            }
        }
        return true;
    }

    /** True for {@code type A = B | null; type B = A}: a cycle that no JSON value can end. */
    private boolean refersToItselfDirectly(Declaration.Alias alias) {
        Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<Type> work = new java.util.ArrayDeque<>(List.of(alias.type()));
        while (!work.isEmpty()) {
            switch (work.pop()) {
                case Ref r -> {
                    if (r.name().equals(alias.name())) return true;
                    if (byName.get(r.name()) instanceof Declaration.Alias next && seen.add(next.name())) work.push(next.type());
                    if (r.name().equals("Readonly") || r.name().equals("Partial")) work.addAll(r.args());
                }
                case Union u -> work.addAll(u.members());
                case Intersection i -> work.addAll(i.members());
                default -> { }
            }
        }
        return false;
    }

    private void checkRef(Ref ref, Set<String> scope, List<ModelError> errors) {
        int expected;
        if (ref.name().contains(".")) {
            try {
                enumMember(ref);
                expected = 0;
            } catch (ModelError e) {
                errors.add(e);
                return;
            }
        } else if (scope.contains(ref.name())) {
            expected = 0;
        } else if (BUILT_INS.containsKey(ref.name())) {
            expected = BUILT_INS.get(ref.name());
        } else if (byName.containsKey(ref.name())) {
            Declaration d = byName.get(ref.name());
            if (d instanceof Declaration.Const) {
                errors.add(new ModelError(ref.offset(), "'" + ref.name() + "' is a constant, not a type"));
                return;
            }
            expected = d.typeParams().size();
        } else {
            errors.add(new ModelError(ref.offset(), "unknown type '" + ref.name() + "'" + switch (ref.name()) {
                case "Date" -> ": JSON has no dates, use string with @format date-time";
                case "Map" -> ": JSON has no maps, use Record<string, V>";
                case "Set" -> ": JSON has no sets, use T[]";
                case "Required", "NonNullable", "Exclude", "Extract", "ReturnType", "Parameters" ->
                        ": only Partial, Pick, Omit, Record and Readonly are supported";
                default -> "";
            }));
            return;
        }
        if (ref.args().size() != expected) {
            errors.add(new ModelError(ref.offset(), "'" + ref.name() + "' takes " + expected
                    + " type argument" + (expected == 1 ? "" : "s") + ", found " + ref.args().size()));
        }
    }

    /** Calls {@code visitor} for every reference inside {@code type}. */
    public static void walk(Type type, Consumer<Ref> visitor) {
        switch (type) {
            case Ref r -> {
                visitor.accept(r);
                r.args().forEach(a -> walk(a, visitor));
            }
            case ArrayOf a -> walk(a.element(), visitor);
            case Tuple t -> t.elements().forEach(e -> walk(e.type(), visitor));
            case Union u -> u.members().forEach(m -> walk(m, visitor));
            case Intersection i -> i.members().forEach(m -> walk(m, visitor));
            case ObjectType o -> {
                o.members().forEach(m -> walk(m.type(), visitor));
                if (o.indexValue() != null) walk(o.indexValue(), visitor);
            }
            case Function f -> {
                f.params().forEach(p -> walk(p.type(), visitor));
                walk(f.returns(), visitor);
            }
            case Primitive p -> { }
            case Literal l -> { }
            case Inexpressible x -> { }
        }
    }

    /** The meaning of a reference to a declaration, with type arguments substituted. */
    public Type expand(Ref ref) {
        if (ref.name().contains(".")) return enumMember(ref);
        Declaration d = byName.get(ref.name());
        if (d == null) throw new ModelError(ref.offset(), "unknown type '" + ref.name() + "'");
        Map<String, Type> args = new HashMap<>();
        for (int i = 0; i < d.typeParams().size() && i < ref.args().size(); i++) {
            args.put(d.typeParams().get(i), ref.args().get(i));
        }
        return switch (d) {
            case Declaration.Alias a -> substitute(a.type(), args);
            case Declaration.Interface i -> {
                List<Type> parts = new ArrayList<>();
                for (Type s : i.supers()) parts.add(substitute(s, args));
                parts.add(substitute(i.body(), args));
                yield parts.size() == 1 ? parts.getFirst() : merge(parts, ref.offset(), 0, false);
            }
            case Declaration.Enum e -> {
                List<Type> literals = e.members().stream().<Type>map(m -> new Literal(m.value())).toList();
                yield literals.size() == 1 ? literals.getFirst() : new Union(literals);
            }
            case Declaration.Const c -> throw new ModelError(ref.offset(), "'" + ref.name() + "' is a constant, not a type");
        };
    }

    /** {@code Color.Red}: the literal type of one enum member. */
    private Literal enumMember(Ref ref) {
        String owner = ref.name().substring(0, ref.name().indexOf('.'));
        String member = ref.name().substring(owner.length() + 1);
        if (!(byName.get(owner) instanceof Declaration.Enum e)) {
            throw new ModelError(ref.offset(), "qualified names (A.B) are not supported except for enum members: '"
                    + owner + "' is not an enum declared in this file");
        }
        return e.members().stream().filter(m -> m.name().equals(member)).findFirst()
                .map(m -> new Literal(m.value()))
                .orElseThrow(() -> new ModelError(ref.offset(), "enum '" + owner + "' has no member '" + member + "'"));
    }

    /** The object type {@code type} stands for, or null when it is not an object type. */
    public ObjectType asObject(Type type) {
        return asObject(type, 0);
    }

    private ObjectType asObject(Type type, int depth) {
        if (depth > MAX_DEPTH) throw new ModelError(offsetOf(type), "type refers to itself without an object in between");
        return switch (type) {
            case ObjectType o -> o;
            case Intersection i -> merge(i.members(), i.offset(), depth + 1, true);
            case Ref r when r.name().equals("Readonly") -> asObject(r.args().getFirst(), depth + 1);
            case Ref r when r.name().equals("Partial") -> {
                ObjectType o = requireObject(r.args().getFirst(), r.offset(), depth + 1);
                yield new ObjectType(o.members().stream().map(m -> new Member(m.name(), m.type(), true,
                        m.readonly(), m.method(), m.doc(), m.offset())).toList(), o.indexValue(), o.indexDoc());
            }
            case Ref r when r.name().equals("Pick") || r.name().equals("Omit") -> pickOrOmit(r, depth + 1);
            case Ref r when r.name().equals("Record") -> record(r, depth + 1);
            case Ref r when r.name().equals("Promise") -> null;
            case Ref r -> byName.get(r.name()) instanceof Declaration.Enum ? null : asObject(expand(r), depth + 1);
            default -> null;
        };
    }

    private ObjectType requireObject(Type type, int offset, int depth) {
        ObjectType o = asObject(type, depth);
        if (o == null) throw new ModelError(offset, "expected an object type here");
        return o;
    }

    /**
     * One object type of several. With {@code extends} the later declaration of a member wins (TypeScript
     * lets it only narrow); in an intersection both apply, whatever the order: required if either part
     * requires it, and of the narrower type ({@code Pick<User, "id"> & Partial<User>} keeps {@code id}
     * required, {@code { kind: "circle" } & Shape} keeps the literal).
     */
    private ObjectType merge(List<Type> parts, int offset, int depth, boolean intersection) {
        Map<String, Member> members = new LinkedHashMap<>();
        Type index = null;
        Doc indexDoc = Doc.EMPTY;
        for (Type part : parts) {
            ObjectType o = asObject(part, depth);
            if (o == null) {
                throw new ModelError(offsetOf(part) >= 0 ? offsetOf(part) : offset,
                        "intersections and 'extends' are supported between object types only");
            }
            for (Member m : o.members()) {
                Member earlier = members.get(m.name());
                members.put(m.name(), earlier == null || !intersection ? m : both(earlier, m, offset));
            }
            if (o.indexValue() != null) {
                index = o.indexValue();
                indexDoc = o.indexDoc();
            }
        }
        return new ObjectType(new ArrayList<>(members.values()), index, indexDoc);
    }

    private static Member both(Member a, Member b, int offset) {
        Type type;
        if (withoutPositions(a.type()).equals(withoutPositions(b.type())) || narrows(a.type(), b.type())) type = a.type();
        else if (narrows(b.type(), a.type())) type = b.type();
        else throw new ModelError(offset, "'" + a.name() + "' has two different types in this intersection: declare it once with the type you mean");
        return new Member(b.name(), type, a.optional() && b.optional(), a.readonly() || b.readonly(), b.method(),
                b.doc().isEmpty() ? a.doc() : b.doc(), b.offset());
    }

    /** True when {@code narrow} is a literal (or union of literals) of the primitive {@code wide}, or wide is unknown/any. */
    private static boolean narrows(Type narrow, Type wide) {
        if (wide instanceof Primitive p && (p.keyword() == Keyword.UNKNOWN || p.keyword() == Keyword.ANY)) return true;
        if (!(wide instanceof Primitive p)) return false;
        List<Type> literals = narrow instanceof Union u ? u.members() : List.of(narrow);
        return literals.stream().allMatch(l -> l instanceof Literal lit && switch (p.keyword()) {
            case STRING -> lit.value() instanceof String;
            case NUMBER -> lit.value() instanceof Long || lit.value() instanceof Double;
            case BOOLEAN -> lit.value() instanceof Boolean;
            default -> false;
        });
    }

    /** The type with every source position zeroed, so that two spellings of one type compare equal. */
    private static Type withoutPositions(Type type) {
        return switch (type) {
            case Ref r -> new Ref(r.name(), r.args().stream().map(TypeTable::withoutPositions).toList(), 0);
            case ArrayOf a -> new ArrayOf(withoutPositions(a.element()));
            case Tuple t -> new Tuple(t.elements().stream().map(e -> new Element(e.label(),
                    withoutPositions(e.type()), e.optional(), e.rest())).toList());
            case Union u -> new Union(u.members().stream().map(TypeTable::withoutPositions).toList());
            case Intersection i -> new Intersection(i.members().stream().map(TypeTable::withoutPositions).toList(), 0);
            case ObjectType o -> new ObjectType(o.members().stream().map(m -> new Member(m.name(),
                    withoutPositions(m.type()), m.optional(), m.readonly(), m.method(), m.doc(), 0)).toList(),
                    o.indexValue() == null ? null : withoutPositions(o.indexValue()), o.indexDoc());
            case Function f -> new Function(f.params().stream().map(p -> new Param(p.name(), withoutPositions(p.type()),
                    p.optional(), p.rest(), 0, p.doc())).toList(), withoutPositions(f.returns()), 0);
            default -> type;
        };
    }

    private ObjectType pickOrOmit(Ref r, int depth) {
        ObjectType o = requireObject(r.args().getFirst(), r.offset(), depth);
        List<String> keys = literalKeys(r.args().get(1), r.offset(), depth);
        boolean pick = r.name().equals("Pick");
        if (pick) {
            for (String k : keys) {
                if (o.members().stream().noneMatch(m -> m.name().equals(k))) {
                    throw new ModelError(r.offset(), "Pick: '" + k + "' is not a property of the picked type");
                }
            }
        }
        return new ObjectType(o.members().stream().filter(m -> keys.contains(m.name()) == pick).toList(),
                pick ? null : o.indexValue(), o.indexDoc());
    }

    private ObjectType record(Ref r, int depth) {
        Type key = r.args().getFirst();
        Type value = r.args().get(1);
        if (key instanceof Primitive p && p.keyword() == Keyword.STRING) return new ObjectType(List.of(), value, Doc.EMPTY);
        List<String> keys = literalKeys(key, r.offset(), depth);
        return new ObjectType(keys.stream().map(k -> new Member(k, value, false, false, false, Doc.EMPTY, r.offset())).toList());
    }

    /** The string literals a key type lists: {@code 'a'}, {@code 'a' | 'b'}, or an alias/enum of them. */
    private List<String> literalKeys(Type type, int offset, int depth) {
        if (depth > MAX_DEPTH) throw new ModelError(offset, "key type refers to itself");
        return switch (type) {
            case Literal l when l.value() instanceof String s -> List.of(s);
            case Union u -> {
                List<String> keys = new ArrayList<>();
                for (Type m : u.members()) keys.addAll(literalKeys(m, offset, depth + 1));
                yield keys;
            }
            case Ref ref when byName.containsKey(ref.name()) || ref.name().contains(".") -> literalKeys(expand(ref), offset, depth + 1);
            default -> throw new ModelError(offset, "keys must be string literals (or a union of them) or 'string'");
        };
    }

    public static Type substitute(Type type, Map<String, Type> args) {
        if (args.isEmpty()) return type;
        return switch (type) {
            case Ref r when r.args().isEmpty() && args.containsKey(r.name()) -> args.get(r.name());
            case Ref r -> new Ref(r.name(), r.args().stream().map(a -> substitute(a, args)).toList(), r.offset());
            case ArrayOf a -> new ArrayOf(substitute(a.element(), args));
            case Tuple t -> new Tuple(t.elements().stream().map(e -> new Element(e.label(),
                    substitute(e.type(), args), e.optional(), e.rest())).toList());
            case Union u -> new Union(u.members().stream().map(m -> substitute(m, args)).toList());
            case Intersection i -> new Intersection(i.members().stream().map(m -> substitute(m, args)).toList(), i.offset());
            case ObjectType o -> new ObjectType(o.members().stream().map(m -> new Member(m.name(),
                    substitute(m.type(), args), m.optional(), m.readonly(), m.method(), m.doc(), m.offset())).toList(),
                    o.indexValue() == null ? null : substitute(o.indexValue(), args), o.indexDoc());
            case Function f -> new Function(f.params().stream().map(p -> p.withType(substitute(p.type(), args))).toList(),
                    substitute(f.returns(), args), f.offset());
            default -> type;
        };
    }

    private static int offsetOf(Type type) {
        return switch (type) {
            case Ref r -> r.offset();
            case Intersection i -> i.offset();
            case Function f -> f.offset();
            default -> -1;
        };
    }
}
