package dev.paddock.tooldefs.parse;

import static dev.paddock.tooldefs.parse.TokenType.*;

import dev.paddock.tooldefs.Diagnostic;
import dev.paddock.tooldefs.model.Declaration;
import dev.paddock.tooldefs.model.Doc;
import dev.paddock.tooldefs.model.Member;
import dev.paddock.tooldefs.model.Param;
import dev.paddock.tooldefs.model.Source;
import dev.paddock.tooldefs.model.Type;
import dev.paddock.tooldefs.model.Type.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive descent over declaration syntax, one method per grammar rule:
 *
 * <pre>
 * file         → ( declaration | "export" "{" "}" | ";" )* EOF
 * declaration  → "export"? "declare"? ( interface | typeAlias | enum | const )
 * interface    → "interface" IDENT typeParams? ( "extends" typeRef ( "," typeRef )* )? objectType
 * typeAlias    → "type" IDENT typeParams? "=" type ";"?
 * enum         → "const"? "enum" IDENT "{" ( enumMember ( "," enumMember )* ","? )? "}"
 * const        → "const" IDENT ":" type ";"?
 * type         → union
 * union        → "|"? intersection ( "|" intersection )*
 * intersection → "&"? postfix ( "&" postfix )*
 * postfix      → primary ( "[" "]" )*
 * primary      → "readonly" postfix | "(" type ")" | functionType | objectType | tuple | literal
 *              | keyword | typeRef
 * objectType   → "{" ( member ( ";" | "," )? )* "}"
 * member       → "readonly"? ( indexSignature | name "?"? ( params ":" type | ":" type ) )
 * params       → "(" ( JSDOC? "..."? IDENT "?"? ":" type ( "," … )* ","? )? ")"   ('this' first: dropped)
 * typeRef      → IDENT ( "." IDENT )? ( "<" type ( "," type )* ">" )?            (A.B: an enum member)
 * </pre>
 *
 * Anything outside this grammar is reported where it was written. After an error the parser skips to
 * the next member or declaration, so one run reports every error in the file.
 */
public final class Parser {

    private static final Map<String, Keyword> KEYWORDS = Map.of(
            "string", Keyword.STRING, "number", Keyword.NUMBER, "boolean", Keyword.BOOLEAN,
            "null", Keyword.NULL, "undefined", Keyword.UNDEFINED, "void", Keyword.VOID,
            "unknown", Keyword.UNKNOWN, "any", Keyword.ANY, "never", Keyword.NEVER, "object", Keyword.OBJECT);

    /** Where a declaration (supported or not) can start: the parser re-synchronises there. */
    private static final java.util.Set<String> DECLARATION_STARTS = java.util.Set.of("export", "declare",
            "interface", "type", "enum", "const", "class", "abstract", "function", "namespace", "module",
            "import", "let", "var");

    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    private final Source source;
    private final List<Diagnostic> errors;
    private final JsDocParser docs;
    private List<Token> tokens;
    private int current;
    /** Names of declarations that had a syntax error: references to them are not "unknown types". */
    private final java.util.Set<String> unparsed = new java.util.HashSet<>();
    private String declaring;
    /** Nesting of types being parsed; bounded so hostile input cannot overflow the stack. */
    private int depth;
    private static final int MAX_DEPTH = 100;

    public Parser(Source source, List<Diagnostic> errors) {
        this.source = source;
        this.errors = errors;
        this.docs = new JsDocParser(source, errors);
    }

    public List<Declaration> parse() {
        tokens = new Scanner(source, errors).scanTokens();
        List<Declaration> declarations = new ArrayList<>();
        while (!isAtEnd()) {
            if (match(SEMICOLON)) continue;
            int start = current;
            declaring = null;
            try {
                if (check("export") && checkNext(LEFT_BRACE)) emptyExport();
                else declarations.add(declaration());
            } catch (ParseError e) {
                if (declaring != null) unparsed.add(declaring);
                synchronize(start);
            }
        }
        return declarations;
    }

    /** The names of declarations that could not be parsed (their errors are already reported). */
    public java.util.Set<String> unparsed() {
        return java.util.Collections.unmodifiableSet(unparsed);
    }

    // ---- declarations ----

    private Declaration declaration() {
        Token first = peek();
        Doc doc = doc(first);
        boolean exported = match("export");
        if (exported) unsupportedExport();
        match("declare");
        if (match("interface")) return interfaceDeclaration(exported, doc);
        if (match("type")) return typeAlias(exported, doc);
        if (check("const") && checkNext("enum")) advance();
        if (match("enum")) return enumDeclaration(exported, doc);
        if (match("const")) return constDeclaration(doc);
        Token t = peek();
        // The keyword is consumed so that recovery does not stop on it and report it a second time.
        if (t.is("abstract") && checkNext("class") || t.is("import") && checkNext("type")) advance();
        if (t.type() == IDENTIFIER && DECLARATION_STARTS.contains(t.lexeme())) advance();
        String what = switch (t.lexeme()) {
            case "class", "abstract" -> "classes are not supported: declare an interface";
            case "function" -> "top-level functions are not supported: declare methods in an interface or a 'declare const'";
            case "namespace", "module", "global" -> "namespaces and modules are not supported: declare types at the top level";
            case "import" -> "imports are not supported: put every declaration in this file";
            case "let", "var" -> "use 'declare const' for a namespace object";
            default -> t.type() == EOF ? "expected a declaration after 'export'/'declare'"
                    : "expected a declaration (interface, type, enum or declare const), found '" + t.lexeme() + "'";
        };
        throw error(t, what);
    }

    /** Export forms that name declarations elsewhere instead of declaring them. */
    private void unsupportedExport() {
        Token t = peek();
        if (t.is("default")) throw error(t, "'export default' is not supported: export named declarations");
        if (t.is("type") && checkNext(LEFT_BRACE)) {
            advance(); // else recovery would stop on 'type' and take the list for a type alias
            throw error(t, "export lists are not supported: export each declaration itself");
        }
        if (t.is("as") || t.is("import") || t.type() == EQUAL || t.lexeme().equals("*")) {
            throw error(t, "re-exports and 'export =' are not supported: put every declaration in this file and export it");
        }
    }

    /** {@code export {};} only marks a file as a module; an export list would name other files' types. */
    private void emptyExport() {
        advance();
        Token open = advance();
        if (!check(RIGHT_BRACE)) throw error(open, "export lists are not supported: export each declaration itself");
        advance();
        match(SEMICOLON);
    }

    private Declaration interfaceDeclaration(boolean exported, Doc doc) {
        Token name = consumeIdentifier("an interface name");
        declaring = name.lexeme();
        List<String> typeParams = typeParameters();
        List<Type> supers = new ArrayList<>();
        if (match("extends")) {
            do {
                supers.add(typeReference(consumeIdentifier("a type name after 'extends'")));
            } while (match(COMMA));
        }
        if (check("implements")) throw error(peek(), "'implements' is not supported in interfaces");
        Type.ObjectType body = objectType(consume(LEFT_BRACE, "expected '{' to start the interface body"));
        return new Declaration.Interface(name.lexeme(), typeParams, supers, body, exported, doc, name.offset());
    }

    private Declaration typeAlias(boolean exported, Doc doc) {
        Token name = consumeIdentifier("a type name");
        declaring = name.lexeme();
        List<String> typeParams = typeParameters();
        consume(EQUAL, "expected '=' after the type name");
        Type type = type();
        match(SEMICOLON);
        return new Declaration.Alias(name.lexeme(), typeParams, type, exported, doc, name.offset());
    }

    private Declaration enumDeclaration(boolean exported, Doc doc) {
        Token name = consumeIdentifier("an enum name");
        declaring = name.lexeme();
        consume(LEFT_BRACE, "expected '{' to start the enum body");
        List<Declaration.EnumMember> members = new ArrayList<>();
        long next = 0;
        while (!check(RIGHT_BRACE) && !isAtEnd()) {
            int start = current;
            try {
                next = enumMember(members, next);
            } catch (ParseError e) {
                synchronizeMember(start);
                continue;
            }
            if (!match(COMMA)) break;
        }
        consume(RIGHT_BRACE, "expected '}' or ',' in the enum body");
        return new Declaration.Enum(name.lexeme(), members, exported, doc, name.offset());
    }

    /** Reads one member into {@code members}; returns the value the next member gets by default. */
    private long enumMember(List<Declaration.EnumMember> members, long next) {
        boolean numeric = members.stream().noneMatch(m -> m.value() instanceof String);
        Token member = peek();
        if (member.type() != IDENTIFIER && member.type() != STRING) {
            throw error(member, "expected an enum member name");
        }
        advance();
        String memberName = member.type() == STRING ? (String) member.literal() : member.lexeme();
        Object value;
        if (match(EQUAL)) {
            boolean negative = match(MINUS);
            Token v = peek();
            if (v.type() == STRING && !negative) {
                value = v.literal();
            } else if (v.type() == NUMBER) {
                value = negate(v.literal(), negative);
                if (value instanceof Long l) next = l + 1;
            } else {
                throw error(v, "enum values must be string or number literals");
            }
            advance();
        } else {
            if (!numeric) throw error(member, "enum member '" + memberName + "' needs a value after a string member");
            value = next++;
        }
        if (!check(COMMA) && !check(RIGHT_BRACE)) {
            throw error(peek(), "computed enum values are not supported: write the resulting string or number literal");
        }
        members.add(new Declaration.EnumMember(memberName, value));
        return next;
    }

    private Declaration constDeclaration(Doc doc) {
        Token name = consumeIdentifier("a constant name");
        declaring = name.lexeme();
        consume(COLON, "expected ':' and a type: declare const " + name.lexeme() + ": { ... }");
        Type type = type();
        if (check(EQUAL)) throw error(peek(), "initialisers are not supported: write only the type");
        match(SEMICOLON);
        return new Declaration.Const(name.lexeme(), type, doc, name.offset());
    }

    private List<String> typeParameters() {
        List<String> names = new ArrayList<>();
        if (!match(LESS)) return names;
        do {
            Token name = consumeIdentifier("a type parameter name");
            if (check("extends")) throw error(peek(), "generic constraints are not supported: drop 'extends ...'");
            if (check(EQUAL)) throw error(peek(), "type parameter defaults are not supported");
            names.add(name.lexeme());
        } while (match(COMMA));
        consume(GREATER, "expected '>' after the type parameters");
        return names;
    }

    // ---- types ----

    private Type type() {
        if (++depth > MAX_DEPTH) throw error(peek(), "types nested more than " + MAX_DEPTH + " levels deep are not supported");
        try {
            Type type = union();
            if (check("extends")) throw error(peek(), "conditional types are not supported");
            return type;
        } finally {
            depth--;
        }
    }

    private Type union() {
        match(PIPE);
        List<Type> members = new ArrayList<>(List.of(intersection()));
        while (match(PIPE)) members.add(intersection());
        return members.size() == 1 ? members.getFirst() : new Type.Union(members);
    }

    private Type intersection() {
        match(AMPERSAND);
        int offset = peek().offset();
        List<Type> members = new ArrayList<>(List.of(postfix()));
        while (match(AMPERSAND)) members.add(postfix());
        return members.size() == 1 ? members.getFirst() : new Type.Intersection(members, offset);
    }

    private Type postfix() {
        Type type = primary();
        while (check(LEFT_BRACKET)) {
            Token bracket = advance();
            if (!match(RIGHT_BRACKET)) throw error(bracket, "indexed access types (T[K]) are not supported");
            type = new Type.ArrayOf(type);
        }
        return type;
    }

    private Type primary() {
        Token t = peek();
        if (match("readonly")) {
            if (!check(LEFT_BRACKET) && !(peek().type() == IDENTIFIER)) throw error(t, "'readonly' applies to array and tuple types only");
            if (check("readonly")) throw error(peek(), "'readonly' twice");
            return postfix();
        }
        if (check(LEFT_PAREN)) return isFunctionType() ? functionType() : parenthesized();
        if (check(LEFT_BRACE)) return objectType(advance());
        if (check(LEFT_BRACKET)) return tuple();
        if (match(STRING)) return new Type.Literal(t.literal());
        if (match(NUMBER)) return new Type.Literal(t.literal());
        if (match(MINUS)) {
            Token n = consume(NUMBER, "expected a number after '-'");
            return new Type.Literal(negate(n.literal(), true));
        }
        if (t.type() == IDENTIFIER) {
            switch (t.lexeme()) {
                case "true", "false" -> {
                    advance();
                    return new Type.Literal(Boolean.valueOf(t.lexeme()));
                }
                case "keyof" -> throw error(t, "'keyof' is not supported: write the keys as a union of string literals");
                case "typeof" -> throw error(t, "'typeof' types are not supported");
                case "infer" -> throw error(t, "'infer' is not supported");
                case "unique" -> throw error(t, "'unique symbol' is not supported");
                case "new", "abstract" -> throw error(t, "constructor types are not supported");
                case "asserts" -> throw error(t, "assertion signatures are not supported");
                case "this" -> throw error(t, "'this' types are not supported");
                case "symbol", "bigint" -> throw error(t, "'" + t.lexeme() + "' cannot be represented in JSON: use string or number");
                default -> { }
            }
            if (checkNext("is")) throw error(t, "type predicates are not supported: return boolean");
            Keyword keyword = KEYWORDS.get(t.lexeme());
            if (keyword != null) {
                advance();
                return new Type.Primitive(keyword);
            }
            return typeReference(advance());
        }
        if (t.type() == UNEXPECTED && t.lexeme().startsWith("`")) {
            throw error(t, "template literal types are not supported: use string with @pattern");
        }
        throw error(t, t.type() == EOF ? "expected a type, reached the end of the file" : "expected a type, found '" + t.lexeme() + "'");
    }

    private Type typeReference(Token name) {
        String n = name.lexeme();
        if (match(DOT)) {
            // Enum.Member is a literal type; which names are enums is known once the file is read.
            n += "." + consumeIdentifier("a member name after '.'").lexeme();
            if (check(DOT)) throw error(peek(), "qualified names (A.B.C) are not supported: refer to top-level declarations");
        }
        List<Type> args = new ArrayList<>();
        if (match(LESS)) {
            do {
                args.add(type());
            } while (match(COMMA));
            consume(GREATER, "expected '>' after the type arguments");
        }
        if ((n.equals("Array") || n.equals("ReadonlyArray")) && args.size() == 1) {
            return new Type.ArrayOf(args.getFirst());
        }
        return new Type.Ref(n, args, name.offset());
    }

    private Type parenthesized() {
        advance();
        Type inner = type();
        consume(RIGHT_PAREN, "expected ')'");
        return inner;
    }

    /** A '(' starts a function type when its matching ')' is followed by '=>'. */
    private boolean isFunctionType() {
        int depth = 0;
        for (int i = current; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type == LEFT_PAREN) depth++;
            if (type == RIGHT_PAREN && --depth == 0) {
                return i + 1 < tokens.size() && tokens.get(i + 1).type() == ARROW;
            }
            if (type == EOF) return false;
        }
        return false;
    }

    private Type functionType() {
        Token open = peek();
        List<Param> params = parameters();
        consume(ARROW, "expected '=>' after the parameters");
        return new Type.Function(params, type(), open.offset());
    }

    private Type.ObjectType objectType(Token open) {
        List<Member> members = new ArrayList<>();
        Type indexValue = null;
        Doc indexDoc = Doc.EMPTY;
        while (!check(RIGHT_BRACE) && !isAtEnd()) {
            int start = current;
            try {
                Doc doc = doc(peek());
                // 'readonly' is a modifier unless it is the member's own name ({ readonly: boolean }).
                boolean readonly = check("readonly") && !isMemberNameEnd(1);
                if (readonly) advance();
                if (check(LEFT_BRACKET)) {
                    if (indexValue != null) throw error(peek(), "only one index signature is supported per object type");
                    indexValue = indexSignature();
                    indexDoc = doc;
                } else {
                    Member m = member(doc, readonly);
                    // Two members of one name would be one JSON property: which type was meant?
                    if (members.stream().anyMatch(other -> other.name().equals(m.name()))) {
                        errors.add(source.diagnostic(m.offset(), m.isFunction()
                                ? "method '" + m.name() + "' is declared twice (overloads are not supported: declare one signature)"
                                : "'" + m.name() + "' is declared twice in this object type"));
                    }
                    members.add(m);
                }
                if (!match(SEMICOLON)) match(COMMA);
            } catch (ParseError e) {
                synchronizeMember(start);
            }
        }
        if (!check(RIGHT_BRACE)) {
            // The line is looked up only here: doing it on every '}' made parsing quadratic.
            consume(RIGHT_BRACE, "expected '}' to close the object type opened at line "
                    + source.diagnostic(open.offset(), "").line());
        }
        advance();
        return new Type.ObjectType(members, indexValue, indexDoc);
    }

    /** True when the token {@code ahead} positions on ends a member name (so `readonly` is the name). */
    private boolean isMemberNameEnd(int ahead) {
        TokenType next = tokens.get(Math.min(current + ahead, tokens.size() - 1)).type();
        return next == COLON || next == QUESTION || next == LEFT_PAREN || next == SEMICOLON;
    }

    private Type indexSignature() {
        Token open = advance();
        Token key = consumeIdentifier("an index signature key name");
        if (key.is("in") || check("in")) throw error(open, "mapped types are not supported: use Record<K, V> or an index signature");
        if (check(RIGHT_BRACKET)) throw error(open, "computed property names are not supported");
        consume(COLON, "expected ':' after the index key name");
        Token keyType = peek();
        if (!match("string")) {
            throw error(keyType, "index signature keys must be 'string' (JSON object keys are strings)");
        }
        consume(RIGHT_BRACKET, "expected ']' after the index key type");
        consume(COLON, "expected ':' and the value type of the index signature");
        return type();
    }

    private Member member(Doc doc, boolean readonly) {
        Token name = peek();
        if (name.type() == LEFT_PAREN) throw error(name, "call signatures are not supported: give the method a name");
        if (name.is("new") && checkNext(LEFT_PAREN)) throw error(name, "construct signatures are not supported");
        if ((name.is("get") || name.is("set")) && (tokens.get(current + 1).type() == IDENTIFIER)) {
            throw error(name, "accessors are not supported: declare a property");
        }
        String memberName = switch (name.type()) {
            case IDENTIFIER -> name.lexeme();
            case STRING -> (String) name.literal();
            case NUMBER -> name.lexeme();
            case LEFT_BRACKET -> throw error(name, "computed property names are not supported");
            default -> throw error(name, "expected a property or method name, found '" + name.lexeme() + "'");
        };
        advance();
        boolean optional = match(QUESTION);
        if (check(LESS)) throw error(peek(), "generic methods are not supported");
        if (check(LEFT_PAREN)) {
            Token open = peek();
            List<Param> params = parameters();
            consume(COLON, "expected ':' and a return type after the parameters of '" + memberName + "'");
            Type returns = type();
            return new Member(memberName, new Type.Function(params, returns, open.offset()), optional, readonly,
                    true, doc, name.offset());
        }
        consume(COLON, "expected ':' and a type after '" + memberName + "'");
        return new Member(memberName, type(), optional, readonly, false, doc, name.offset());
    }

    private List<Param> parameters() {
        consume(LEFT_PAREN, "expected '('");
        List<Param> params = new ArrayList<>();
        while (!check(RIGHT_PAREN) && !isAtEnd()) {
            Doc doc = doc(peek());
            boolean rest = match(ELLIPSIS);
            Token name = peek();
            if (name.type() == LEFT_BRACE || name.type() == LEFT_BRACKET) {
                throw error(name, "destructuring parameters are not supported: name the parameter");
            }
            consumeIdentifier("a parameter name");
            boolean optional = match(QUESTION);
            if (check(EQUAL)) throw error(peek(), "default values are not supported in declarations: mark the parameter optional with '?'");
            if (!match(COLON)) throw error(name, "parameter '" + name.lexeme() + "' needs a type: " + name.lexeme() + ": T");
            Type type = type();
            if (check(EQUAL)) throw error(peek(), "default values are not supported in declarations: mark the parameter optional with '?'");
            if (rest && !(type instanceof Type.ArrayOf) && !(type instanceof Type.Tuple)) {
                throw error(name, "a rest parameter needs an array type: ..." + name.lexeme() + ": T[]");
            }
            // A 'this' parameter only types 'this' inside the method: callers pass nothing for it.
            boolean thisParameter = name.is("this") && params.isEmpty() && !rest && !optional;
            if (params.stream().anyMatch(p -> p.name().equals(name.lexeme()))) {
                errors.add(source.diagnostic(name.offset(), "parameter '" + name.lexeme() + "' is declared twice"));
            }
            if (!thisParameter) params.add(new Param(name.lexeme(), type, optional, rest, name.offset(), doc));
            if (!match(COMMA)) break;
            if (rest) throw error(name, "a rest parameter must be the last parameter");
        }
        consume(RIGHT_PAREN, "expected ')' after the parameters");
        return params;
    }

    private Type tuple() {
        consume(LEFT_BRACKET, "expected '['");
        List<Type.Element> elements = new ArrayList<>();
        boolean sawRest = false;
        while (!check(RIGHT_BRACKET) && !isAtEnd()) {
            Token start = peek();
            boolean rest = match(ELLIPSIS);
            String label = null;
            boolean optional = false;
            if (peek().type() == IDENTIFIER && (checkNext(COLON) || (checkNext(QUESTION) && checkAt(2, COLON)))) {
                label = advance().lexeme();
                optional = match(QUESTION);
                advance();
            }
            Type type = type();
            if (match(QUESTION)) optional = true;
            if (sawRest) throw error(start, "only the last tuple element can be a rest element");
            if (rest && !(type instanceof Type.ArrayOf)) throw error(start, "a rest element needs an array type: ...T[]");
            sawRest |= rest;
            if (!optional && !rest && elements.stream().anyMatch(Type.Element::optional)) {
                throw error(start, "a required tuple element cannot follow an optional one");
            }
            elements.add(new Type.Element(label, type, optional, rest));
            if (!match(COMMA)) break;
        }
        consume(RIGHT_BRACKET, "expected ']' to close the tuple");
        return new Type.Tuple(elements);
    }

    // ---- helpers ----

    private Doc doc(Token token) {
        return docs.parse(token.doc(), token.docOffset());
    }

    private static Object negate(Object number, boolean negative) {
        if (!negative) return number;
        return number instanceof Long l ? (Object) (-l) : (Object) (-(Double) number);
    }

    private Token consumeIdentifier(String what) {
        if (peek().type() == IDENTIFIER) return advance();
        throw error(peek(), "expected " + what + (isAtEnd() ? ", reached the end of the file" : ", found '" + peek().lexeme() + "'"));
    }

    private Token consume(TokenType type, String message) {
        if (check(type)) return advance();
        throw error(peek(), message + (isAtEnd() ? " (reached the end of the file)" : ", found '" + peek().lexeme() + "'"));
    }

    private boolean match(TokenType type) {
        if (!check(type)) return false;
        advance();
        return true;
    }

    private boolean match(String keyword) {
        if (!check(keyword)) return false;
        advance();
        return true;
    }

    private boolean check(TokenType type) {
        return peek().type() == type;
    }

    private boolean check(String keyword) {
        return peek().is(keyword);
    }

    private boolean checkNext(TokenType type) {
        return checkAt(1, type);
    }

    private boolean checkNext(String keyword) {
        return current + 1 < tokens.size() && tokens.get(current + 1).is(keyword);
    }

    private boolean checkAt(int ahead, TokenType type) {
        return current + ahead < tokens.size() && tokens.get(current + ahead).type() == type;
    }

    private Token advance() {
        if (!isAtEnd()) current++;
        return tokens.get(current - 1);
    }

    private boolean isAtEnd() {
        return peek().type() == EOF;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private ParseError error(Token token, String message) {
        // The scanner already reported what is wrong with a broken string or template: say it once.
        if (!(token.type() == UNEXPECTED && token.literal() instanceof String)) {
            errors.add(source.diagnostic(token.offset(), message));
        }
        return new ParseError();
    }

    /**
     * Skips to the next top-level declaration keyword outside any brackets opened since {@code start}:
     * parentheses count too, so a parameter named {@code type} or {@code module} is not taken for one.
     */
    private void synchronize(int start) {
        int depth = depthSince(start);
        if (current == start) advance();
        while (!isAtEnd()) {
            Token t = peek();
            if (depth <= 0 && DECLARATION_STARTS.contains(t.lexeme()) && t.type() == IDENTIFIER) return;
            if (opens(t.type())) depth++;
            if (closes(t.type())) depth--;
            advance();
        }
    }

    private static boolean opens(TokenType type) {
        return type == LEFT_BRACE || type == LEFT_PAREN || type == LEFT_BRACKET;
    }

    private static boolean closes(TokenType type) {
        return type == RIGHT_BRACE || type == RIGHT_PAREN || type == RIGHT_BRACKET;
    }

    /**
     * Skips the rest of a broken member: to its ';' or ',', or to the '}' that closes the object. Braces
     * and the other brackets are counted apart: a ';' outside braces ends the member even when a
     * parenthesis is left open (an unterminated string may have swallowed its ')').
     */
    private void synchronizeMember(int start) {
        int braces = 0;
        int others = 0;
        if (current == start && !check(RIGHT_BRACE)) advance();
        for (int i = start; i < current; i++) {
            TokenType type = tokens.get(i).type();
            if (type == LEFT_BRACE) braces++;
            else if (type == RIGHT_BRACE) braces--;
            else if (opens(type)) others++;
            else if (closes(type)) others--;
        }
        while (!isAtEnd()) {
            TokenType type = peek().type();
            if (braces <= 0 && (type == SEMICOLON || type == COMMA && others <= 0)) {
                advance();
                return;
            }
            if (braces <= 0 && type == RIGHT_BRACE) return;
            if (type == LEFT_BRACE) braces++;
            else if (type == RIGHT_BRACE) braces--;
            else if (opens(type)) others++;
            else if (closes(type)) others--;
            advance();
        }
    }

    private int depthSince(int start) {
        int depth = 0;
        for (int i = start; i < current; i++) {
            if (opens(tokens.get(i).type())) depth++;
            if (closes(tokens.get(i).type())) depth--;
        }
        return depth;
    }
}
