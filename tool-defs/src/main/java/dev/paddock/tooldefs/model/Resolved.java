package dev.paddock.tooldefs.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Declarations with their meaning worked out once: the {@link TypeTable} that resolves their references,
 * the declarations that offer tools and the methods that become tools. Tool building and rendering read
 * this instead of each building a table and finding the methods again.
 */
public final class Resolved {

    private final List<Declaration> declarations;
    private final TypeTable table;
    private final List<Declaration> sources;
    private final List<Member> methods;
    private final List<ModelError> problems;

    public Resolved(TypeTable table) {
        this.declarations = table.declarations();
        this.table = table;
        this.sources = ToolSources.sources(declarations, table);
        List<ModelError> found = new ArrayList<>();
        this.methods = List.copyOf(ToolSources.methods(sources, table, found));
        this.problems = List.copyOf(found);
    }

    public List<Declaration> declarations() {
        return declarations;
    }

    public TypeTable table() {
        return table;
    }

    /** The declarations whose methods are the tools. */
    public List<Declaration> sources() {
        return sources;
    }

    /** The methods that become tools, in declaration order. */
    public List<Member> methods() {
        return methods;
    }

    /** What keeps a source from offering tools (a data member among the methods, a generic source, …). */
    public List<ModelError> problems() {
        return problems;
    }
}
