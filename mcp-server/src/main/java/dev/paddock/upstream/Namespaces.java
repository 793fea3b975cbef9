package dev.paddock.upstream;

import java.util.Set;

/** A server's key as the namespace agent code calls: {@code "my-github"} → {@code my_github}. */
final class Namespaces {
    /** Words a namespace cannot be, and globals of the isolate it must not shadow. */
    private static final Set<String> TAKEN = Set.of("break", "case", "catch", "class", "const", "continue", "debugger",
            "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
            "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
            "typeof", "var", "void", "while", "with", "implements", "interface", "let", "package", "private",
            "protected", "public", "static", "yield", "await", "undefined", "NaN", "Infinity", "globalThis", "console",
            "fetch", "JSON", "Math", "Object", "Array", "Promise", "Error", "String", "Number", "Boolean", "Date");

    private Namespaces() {}

    static String of(String key) {
        StringBuilder out = new StringBuilder();
        key.codePoints().limit(63).forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$') ? (char) c : '_'));
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) out.insert(0, '_');
        String name = out.toString();
        return TAKEN.contains(name) ? name + "_" : name;
    }
}
