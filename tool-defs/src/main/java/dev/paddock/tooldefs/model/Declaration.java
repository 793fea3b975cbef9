package dev.paddock.tooldefs.model;

import java.util.List;

/** A top-level declaration of a declaration file. */
public sealed interface Declaration {

    String name();

    Doc doc();

    int offset();

    record Interface(String name, List<String> typeParams, List<Type> supers, Type.ObjectType body,
            boolean exported, Doc doc, int offset) implements Declaration {
        public Interface {
            typeParams = List.copyOf(typeParams);
            supers = List.copyOf(supers);
        }
    }

    record Alias(String name, List<String> typeParams, Type type, boolean exported, Doc doc, int offset)
            implements Declaration {
        public Alias {
            typeParams = List.copyOf(typeParams);
        }
    }

    record Enum(String name, List<EnumMember> members, boolean exported, Doc doc, int offset)
            implements Declaration {
        public Enum {
            members = List.copyOf(members);
        }
    }

    /** {@code name} = value; value is a String, Long or Double. */
    record EnumMember(String name, Object value) {}

    /** {@code declare const ns: { … }} — Paddock's own rendered form; its methods are tools. */
    record Const(String name, Type type, Doc doc, int offset) implements Declaration {}

    default List<String> typeParams() {
        return switch (this) {
            case Interface i -> i.typeParams();
            case Alias a -> a.typeParams();
            default -> List.of();
        };
    }
}
