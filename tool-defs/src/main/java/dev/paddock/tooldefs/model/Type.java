package dev.paddock.tooldefs.model;

import java.util.List;

/**
 * A type as written in a declaration file or read from a JSON Schema. Plain immutable data: the
 * passes that give it meaning ({@link TypeTable}, the schema writer, the renderer) walk it.
 */
public sealed interface Type {

    /** The keyword types of TypeScript that need no declaration. */
    enum Keyword {
        STRING, NUMBER, BOOLEAN, NULL, UNDEFINED, VOID, UNKNOWN, ANY, NEVER, OBJECT;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Primitive(Keyword keyword) implements Type {}

    /** A literal type; the value is a {@code String}, {@code Boolean}, {@code Long} or {@code Double}. */
    record Literal(Object value) implements Type {}

    /**
     * A reference by name: a declaration, a type parameter or a built-in generic ({@code Promise},
     * {@code Record}, {@code Partial}, {@code Pick}, {@code Omit}). The offset points at the name so a
     * reference that does not resolve can be reported where it was written.
     */
    record Ref(String name, List<Type> args, int offset) implements Type {
        public Ref {
            args = List.copyOf(args);
        }
    }

    record ArrayOf(Type element) implements Type {}

    record Tuple(List<Element> elements) implements Type {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** A tuple element: {@code label?: T}, {@code T?} or {@code ...rest: T[]} (label may be null). */
    record Element(String label, Type type, boolean optional, boolean rest) {}

    record Union(List<Type> members) implements Type {
        public Union {
            members = List.copyOf(members);
        }
    }

    record Intersection(List<Type> members, int offset) implements Type {
        public Intersection {
            members = List.copyOf(members);
        }
    }

    /** An object type; {@code indexValue} is the value type of {@code [key: string]: V}, or null. */
    record ObjectType(List<Member> members, Type indexValue, Doc indexDoc) implements Type {
        public ObjectType {
            members = List.copyOf(members);
        }

        public ObjectType(List<Member> members) {
            this(members, null, Doc.EMPTY);
        }
    }

    record Function(List<Param> params, Type returns, int offset) implements Type {
        public Function {
            params = List.copyOf(params);
        }
    }

    /** Something a JSON Schema says that TypeScript cannot; rendered as {@code unknown} plus why. */
    record Inexpressible(String reason) implements Type {}
}
