package dev.paddock.tooldefs.schema;

import java.util.Set;

/** Turns arbitrary names (tool names, {@code $defs} keys) into TypeScript identifiers. */
final class Identifiers {

    private static final Set<String> RESERVED = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
            "package", "private", "protected", "public", "static", "yield", "await", "any", "unknown", "never",
            "string", "number", "boolean", "object", "symbol", "bigint", "undefined", "type", "declare",
            "readonly", "keyof", "infer", "is", "as", "Promise", "Record", "Partial", "Pick", "Omit", "Readonly",
            "Array", "ReadonlyArray", "integer");

    private Identifiers() {}

    /** Invalid characters become '_', a leading digit gets '_' in front. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '$';
            out.append(ok ? c : '_');
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) out.insert(0, '_');
        return out.toString();
    }

    /** A type name: sanitised, and never a reserved word or a built-in type name. */
    static String typeName(String name) {
        String s = sanitize(name);
        return RESERVED.contains(s) ? s + "_" : s;
    }

    /** {@code base}, or {@code base2}, {@code base3}, … whichever {@code taken} does not hold yet. */
    static String unique(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) name = base + n;
        taken.add(name);
        return name;
    }
}
