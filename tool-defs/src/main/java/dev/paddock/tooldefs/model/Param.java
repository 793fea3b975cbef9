package dev.paddock.tooldefs.model;

/** A method parameter; a rest parameter ({@code ...items: T[]}) has {@code rest} set. */
public record Param(String name, Type type, boolean optional, boolean rest, int offset) {}
