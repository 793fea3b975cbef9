package dev.paddock.tooldefs.render;

import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.Param;
import dev.paddock.tooldefs.model.Resolved;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.Type.*;
import dev.paddock.tooldefs.model.TypeTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Model → TypeScript for a model to read: the types the tools use, each declared once as
 * {@code type X = …;}, then one {@code declare const ns: { … };} holding the methods. Terse on purpose
 * (every character is paid for in tokens): one space per nesting level, objects on one line unless a member carries
 * JSDoc, one-line JSDoc when it fits. The output parses back with Paddock's own parser.
 */
public final class TypeScriptRenderer {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int LINE_WIDTH = 100;
    /**
     * One space per level: o200k_base folds a single leading space into the next token ({@code " /**"},
     * {@code " name"}), so each line costs one token less than with two spaces while nesting stays visible.
     */
    private static final String INDENT = " ";

    private final Resolved resolved;
    private final List<Declaration> declarations;
    private final TypeTable table;
    private final List<Member> methods;
    /** Type names changed to avoid a clash with another namespace rendered in the same text. */
    private final Map<String, String> renamed = new HashMap<>();
    /** Types an earlier namespace already declared in exactly the same words. */
    private final Set<String> alreadyDeclared = new HashSet<>();

    public TypeScriptRenderer(Resolved resolved) {
        this.resolved = resolved;
        this.declarations = resolved.declarations();
        this.table = resolved.table();
        this.methods = resolved.methods();
    }

    /**
     * Several namespaces in one text (the description of {@code execute}): a type name already declared
     * by an earlier namespace gets the namespace in front ({@code Entity} → {@code MemoryEntity}),
     * unless both declare it identically ({@code type integer = number}): then it is declared once.
     */
    public static String renderAll(Map<String, Resolved> namespaces) {
        Map<String, String> taken = new HashMap<>();
        StringBuilder out = new StringBuilder();
        namespaces.forEach((namespace, resolved) -> {
            TypeScriptRenderer renderer = new TypeScriptRenderer(resolved);
            for (String name : renderer.referenced(renderer.methods)) {
                String text = renderer.declarationText(renderer.table.lookup(name));
                String earlier = taken.putIfAbsent(name, text);
                if (text.equals(earlier)) {
                    renderer.alreadyDeclared.add(name);
                } else if (earlier != null) {
                    String prefixed = Character.toUpperCase(namespace.charAt(0)) + namespace.substring(1) + name;
                    String unique = prefixed;
                    for (int n = 2; taken.putIfAbsent(unique, text) != null; n++) unique = prefixed + n;
                    renderer.renamed.put(name, unique);
                }
            }
            out.append(renderer.render(namespace));
        });
        return out.toString();
    }

    public String render(String namespace) {
        StringBuilder out = new StringBuilder();
        Set<String> used = referenced(methods);
        for (Declaration d : declarations) {
            if (used.contains(d.name()) && !alreadyDeclared.contains(d.name())) out.append(declarationText(d));
        }
        // What the API as a whole is for ("Issue tracker. Talks to its REST API.") is worth its tokens.
        List<Doc> sourceDocs = resolved.sources().stream().map(Declaration::doc)
                .filter(d -> !d.summary().isEmpty()).distinct().toList();
        if (sourceDocs.size() == 1) doc(Doc.summary(sourceDocs.getFirst().summary()), false, "", out);
        out.append("declare const ").append(namespace).append(": {\n");
        for (Member m : methods) {
            doc(m.doc(), true, INDENT, out);
            out.append(INDENT).append(member(m, INDENT)).append(";\n");
        }
        return out.append("};\n").toString();
    }

    private String declarationText(Declaration d) {
        StringBuilder out = new StringBuilder();
        doc(d.doc(), false, "", out);
        String params = d.typeParams().isEmpty() ? "" : "<" + String.join(", ", d.typeParams()) + ">";
        out.append("type ").append(name(d.name())).append(params).append(" = ");
        switch (d) {
            case Declaration.Alias a -> out.append(type(a.type(), ""));
            case Declaration.Interface i -> {
                for (Type s : i.supers()) out.append(type(s, "")).append(" & ");
                out.append(type(i.body(), ""));
            }
            case Declaration.Enum e -> out.append(e.members().stream().map(m -> literal(m.value()))
                    .collect(Collectors.joining(" | ")));
            case Declaration.Const c -> throw new IllegalStateException("constants are not types");
        }
        return out.append(";\n").toString();
    }

    /** Declarations reachable from the methods, in no particular order. */
    private Set<String> referenced(List<Member> methods) {
        Set<String> used = new LinkedHashSet<>();
        Deque<Type> work = new ArrayDeque<>();
        methods.forEach(m -> work.add(m.type()));
        while (!work.isEmpty()) {
            TypeTable.walk(work.pop(), r -> {
                Declaration d = table.lookup(r.name());
                if (d != null && !(d instanceof Declaration.Const) && used.add(r.name())) {
                    switch (d) {
                        case Declaration.Alias a -> work.add(a.type());
                        case Declaration.Interface i -> {
                            work.addAll(i.supers());
                            work.add(i.body());
                        }
                        default -> { }
                    }
                }
            });
        }
        return used;
    }

    String type(Type type, String indent) {
        return switch (type) {
            case Primitive p -> p.keyword().text();
            case Literal l -> literal(l.value());
            // Enums render as unions of their values, so a member (Color.Red) renders as its value.
            case Ref r when r.name().contains(".") -> type(table.expand(r), indent);
            case Ref r -> r.args().isEmpty() ? name(r.name())
                    : name(r.name()) + "<" + r.args().stream().map(a -> type(a, indent)).collect(Collectors.joining(", ")) + ">";
            case ArrayOf a -> wrap(a.element(), indent, a.element() instanceof Union
                    || a.element() instanceof Intersection || a.element() instanceof Function
                    || a.element() instanceof Inexpressible) + "[]";
            case Tuple t -> tuple(t, indent);
            case Union u -> u.members().stream().map(m -> wrap(m, indent, m instanceof Function))
                    .collect(Collectors.joining(" | "));
            case Intersection i -> i.members().stream().map(m -> wrap(m, indent, m instanceof Union || m instanceof Function))
                    .collect(Collectors.joining(" & "));
            case ObjectType o -> object(o, indent);
            case Function f -> "(" + params(f.params(), indent) + ") => " + type(f.returns(), indent);
            case Inexpressible x -> "unknown /* " + x.reason().replace("*/", "*\\/") + " */";
        };
    }

    private String name(String declared) {
        return renamed.getOrDefault(declared, declared);
    }

    private String wrap(Type type, String indent, boolean parenthesize) {
        String text = type(type, indent);
        return parenthesize ? "(" + text + ")" : text;
    }

    private String tuple(Tuple t, String indent) {
        boolean labels = t.elements().stream().allMatch(e -> e.label() != null);
        return t.elements().stream().map(e -> {
            String text = type(e.type(), indent);
            if (labels) return (e.rest() ? "..." : "") + e.label() + (e.optional() ? "?" : "") + ": " + text;
            return (e.rest() ? "..." : "") + text + (e.optional() ? "?" : "");
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    private String object(ObjectType o, String indent) {
        if (o.members().isEmpty() && o.indexValue() == null) return "{}";
        String inner = indent + INDENT;
        List<String> parts = new ArrayList<>();
        for (Member m : o.members()) parts.add(documented(comment(m.doc(), m.isFunction(), inner), member(m, inner), inner));
        if (o.indexValue() != null) {
            parts.add(documented(comment(o.indexDoc(), false, inner), "[key: string]: " + type(o.indexValue(), inner), inner));
        }
        String line = "{ " + String.join("; ", parts) + " }";
        if (!line.contains("\n") && line.length() + indent.length() <= LINE_WIDTH) return line;
        StringBuilder out = new StringBuilder("{\n");
        for (String part : parts) out.append(inner).append(part).append(";\n");
        return out.append(indent).append("}").toString();
    }

    /** A one-line comment goes in front of its member; a longer one on the lines above it. */
    private static String documented(String comment, String member, String indent) {
        if (comment.isEmpty()) return member;
        return comment.contains("\n") ? comment + "\n" + indent + member : comment + " " + member;
    }

    private String member(Member m, String indent) {
        String name = IDENTIFIER.matcher(m.name()).matches() ? m.name() : quote(m.name());
        String optional = m.optional() ? "?" : "";
        if (m.method() && m.type() instanceof Function f) {
            return name + optional + "(" + params(f.params(), indent) + "): " + type(f.returns(), indent);
        }
        return name + optional + ": " + type(m.type(), indent);
    }

    private String params(List<Param> params, String indent) {
        return params.stream().map(p -> documented(comment(p.doc(), false, indent), "", indent)
                + (p.rest() ? "..." : "") + p.name() + (p.optional() ? "?" : "") + ": "
                + type(p.type(), indent)).collect(Collectors.joining(", "));
    }

    private static final Pattern TAG_LIKE = Pattern.compile("(?<=^|\\s)@(?=[A-Za-z])");

    /** Writes the JSDoc of a declaration or method on its own line(s). */
    static void doc(Doc doc, boolean withParams, String indent, StringBuilder out) {
        String comment = comment(doc, withParams, indent);
        if (!comment.isEmpty()) out.append(indent).append(comment).append('\n');
    }

    /**
     * JSDoc in the shortest form that parses back to the same {@link Doc}: one line when the text has
     * no line breaks (tags inline), else one line per summary line and tag. "" when there is nothing.
     */
    static String comment(Doc doc, boolean withParams, String indent) {
        List<String> tags = new ArrayList<>();
        if (withParams) doc.params().forEach((name, text) -> tags.add("@param " + name + (text.isEmpty() ? "" : " " + escape(text))));
        if (doc.returns() != null) tags.add(("@returns " + escape(doc.returns())).strip());
        if (doc.deprecated() != null) tags.add(("@deprecated " + escape(doc.deprecated())).strip());
        doc.tags().forEach((tag, value) -> tags.add("@" + tag + " " + escape(value)));
        String summary = escape(doc.summary());
        if (summary.isEmpty() && tags.isEmpty() && doc.examples().isEmpty()) return "";
        boolean oneLine = doc.examples().isEmpty() && !summary.contains("\n") && tags.stream().noneMatch(t -> t.contains("\n"));
        if (oneLine) {
            String text = summary.isEmpty() ? String.join(" ", tags)
                    : tags.isEmpty() ? summary : summary + " " + String.join(" ", tags);
            return "/** " + text.replace("*/", "*\\/") + " */";
        }
        List<String> lines = new ArrayList<>();
        if (!summary.isEmpty()) lines.addAll(List.of(summary.split("\n", -1)));
        lines.addAll(tags);
        for (String example : doc.examples()) {
            lines.add("@example");
            lines.addAll(List.of(example.split("\n", -1)));
        }
        List<String> safe = lines.stream().map(l -> l.replace("*/", "*\\/")).toList();
        // A first line starting with '*' would lose it as decoration: start on the next line then.
        StringBuilder out = new StringBuilder(safe.getFirst().startsWith("*") ? "/**\n" + indent + " * " : "/** ");
        out.append(safe.getFirst());
        for (String line : safe.subList(1, safe.size())) {
            out.append('\n').append(indent).append(" *").append(line.isEmpty() ? "" : " " + line);
        }
        return out.append(" */").toString();
    }

    /** '@' that a reader would take for a tag becomes '\\@'. */
    private static String escape(String text) {
        return TAG_LIKE.matcher(text).replaceAll("\\\\@");
    }

    static String literal(Object value) {
        if (value instanceof String s) return quote(s);
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
