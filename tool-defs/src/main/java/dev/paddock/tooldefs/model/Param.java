package dev.paddock.tooldefs.model;

/**
 * A method parameter; a rest parameter ({@code ...items: T[]}) has {@code rest} set. {@code doc} is the
 * JSDoc written right before the parameter ({@code f(/** @minimum 1 *\/ n: number)}).
 */
public record Param(String name, Type type, boolean optional, boolean rest, int offset, Doc doc) {

    public Param(String name, Type type, boolean optional, boolean rest, int offset) {
        this(name, type, optional, rest, offset, Doc.EMPTY);
    }

    public Param withType(Type type) {
        return new Param(name, type, optional, rest, offset, doc);
    }
}
