/**
 * TypeScript declarations ⇄ MCP tool descriptions and JSON Schema, in pure Java.
 *
 * <h2>API</h2>
 * {@link dev.paddock.tooldefs.ToolDefs} is the whole public surface: {@code compile} (declaration file →
 * {@link dev.paddock.tooldefs.CompiledDeclarations}: each method with its MCP tool, and the TypeScript a
 * model reads, from one parse; or a {@link dev.paddock.tooldefs.DeclarationException} holding every
 * {@link dev.paddock.tooldefs.Diagnostic}), {@code fromToolsList} (upstream tools/list →
 * {@link dev.paddock.tooldefs.Declarations}, which {@code compile} and {@code render} take) and
 * {@code renderAll} (several namespaces in one text). {@link dev.paddock.tooldefs.ToolDefsCommands} holds
 * the bodies of the {@code paddock tools} and {@code paddock types} commands.
 *
 * <h2>Passes</h2>
 * Scanner → {@code Parser} (syntax → model records) → {@code TypeTable.check} (names resolve) →
 * {@code Resolved} (one type table, the tool sources and methods, built once per input) → {@code ToolBuilder}
 * (model → MCP tool and JSON Schema) and {@code TypeScriptRenderer} (model → TypeScript).
 * Every pass runs even when an earlier one found errors, so one run reports them all: a tool whose types
 * meet a problem already reported ({@code TypeTable.isSound}) is skipped, and each parameter and field of
 * a tool is checked on its own. {@code SchemaReader} goes the other way, JSON Schema → model. The module
 * depends on Jackson only.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Tools are the methods (method syntax or function-typed properties) of every
 *       {@code declare const ns: {…}} and every exported interface or object-literal type alias that
 *       has methods; a file without either offers the methods of all such declarations. Any other member of such an interface is an
 *       error.</li>
 *   <li>Input schemas are exact ({@code additionalProperties: false} on object types without an index
 *       signature): TypeScript's object types are open, but an unknown key in a tool call is almost
 *       always a caller's typo, and rejecting it says so. Output schemas stay open so a server that
 *       adds a field does not break its clients' validation.</li>
 *   <li>A property is required unless it is marked {@code ?} or its type admits {@code undefined}.</li>
 *   <li>Declarations a tool uses go to {@code $defs}; those used once, not recursive and without JSDoc
 *       are inlined again, so {@code $ref} remains only for shared, recursive and documented types.</li>
 *   <li>{@code type integer = number;} declares JSON Schema's {@code integer}: a property typed
 *       {@code integer} gets {@code "type": "integer"}. Upstream integers render the same way.</li>
 *   <li>Enums become unions of their values (the model passes values, not enum members); an enum member
 *       used as a type ({@code Kind.Circle}) is that member's literal.</li>
 *   <li>A {@code this} parameter is TypeScript's typing of {@code this}, not an argument: it is no part
 *       of the tool input. The JSDoc written before a parameter documents and constrains it like a
 *       property's JSDoc.</li>
 *   <li>JSDoc that would be silently without effect is an error: a {@code @param} naming no parameter or
 *       field, a constraint tag in a method's own JSDoc, a constraint for another kind of value.</li>
 *   <li>Rendering is for token economy: shared types once, objects on one line when they fit,
 *       one-line JSDoc with inline tags, object types that upstream schemas repeat inline declared once
 *       under a name.</li>
 * </ul>
 */
package dev.paddock.tooldefs;
