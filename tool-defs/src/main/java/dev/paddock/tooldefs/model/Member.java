package dev.paddock.tooldefs.model;

/** A property or method of an object type. {@code method} is true for {@code name(…): R} syntax. */
public record Member(String name, Type type, boolean optional, boolean readonly, boolean method, Doc doc,
        int offset) {

    public boolean isFunction() {
        return type instanceof Type.Function;
    }
}
