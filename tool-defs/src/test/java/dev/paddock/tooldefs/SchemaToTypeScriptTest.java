package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.tooldefs.schema.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream tools/list results read as TypeScript a model can use, and that Paddock can parse again. */
class SchemaToTypeScriptTest {

    static String render(String toolsList) {
        String ts = ToolDefs.render(ToolDefs.fromToolsList(Json.MAPPER.readTree(toolsList), "up"), "up");
        ToolDefs.compile("up.d.ts", ts, "up", ToolNaming.DEFAULT); // always valid: it parses back
        return ts;
    }

    @Test
    void aToolBecomesAMethodTakingItsInputObjectAndReturningItsOutput() {
        String ts = render("""
                {"tools": [{"name": "get_weather", "description": "Weather for a city.",
                  "inputSchema": {"type": "object", "properties": {
                    "city": {"type": "string", "description": "City name"},
                    "days": {"type": "integer", "minimum": 1, "maximum": 7}}, "required": ["city"]},
                  "outputSchema": {"type": "object", "properties": {"temp": {"type": "number"}}, "required": ["temp"]}},
                 {"name": "ping", "inputSchema": {"type": "object"}}]}""");

        assertThat(ts).isEqualTo("""
                type integer = number;
                declare const up: {
                 /** Weather for a city. */
                 get_weather(input: { /** City name */ city: string; /** @minimum 1 @maximum 7 */ days?: integer }): Promise<{ temp: number }>;
                 ping(): Promise<unknown>;
                };
                """);
    }

    @Test
    void anInlineObjectEqualToADefinitionTakesTheDefinitionsName() {
        String ts = render("""
                {"tools": [
                  {"name": "one", "inputSchema": {"type": "object"},
                   "outputSchema": {"type": "object", "properties": {"sku": {"type": "string"}, "price": {"type": "number"}}}},
                  {"name": "many", "inputSchema": {"type": "object"},
                   "outputSchema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/Item"}}},
                     "$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string"}, "price": {"type": "number"}}}}}}]}""");

        assertThat(ts).isEqualTo("""
                type Item = { sku?: string; price?: number };
                declare const up: {
                 one(): Promise<Item>;
                 many(): Promise<{ items?: Item[] }>;
                };
                """);
    }

    @Test
    void aDefinitionsKeywordsBecomeTheJsDocOfItsType() {
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "tags": {"type": "array", "items": {"$ref": "#/$defs/Slug"}}},
                  "$defs": {"Slug": {"type": "string", "description": "Lowercase.", "pattern": "^[a-z]+$"}}}}]}""");

        assertThat(ts).startsWith("/** Lowercase. @pattern ^[a-z]+$ */\ntype Slug = string;\n");
    }

    @Test
    void aKeywordForAnotherKindOfValueStaysReadableAsText() {
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "n": {"type": "number", "pattern": "^[0-9]+$", "minimum": 1}}}}]}""");

        assertThat(ts).contains("/** pattern: ^[0-9]+$ @minimum 1 */ n?: number");
    }

    @Test
    void combinatorsEnumsConstsAndNullableBecomeUnionsAndLiterals() {
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "a": {"anyOf": [{"type": "string"}, {"type": "number"}]},
                  "b": {"oneOf": [{"const": "x"}, {"type": "object", "properties": {"y": {"type": "boolean"}}}]},
                  "c": {"enum": ["red", "green", 3, null]},
                  "d": {"type": ["string", "null"]},
                  "e": {"type": "string", "nullable": true},
                  "f": {"allOf": [{"type": "object", "properties": {"p": {"type": "string"}}},
                                  {"type": "object", "properties": {"q": {"type": "number"}}}]},
                  "g": {"allOf": [{"type": "string"}, {"minLength": 2}]}
                }, "required": ["a", "b", "c", "d", "e", "f", "g"]}}]}""");

        assertThat(ts).contains(
                "a: string | number;",
                "b: \"x\" | { y?: boolean };",
                "c: \"red\" | \"green\" | 3 | null;",
                "d: string | null;",
                "e: string | null;",
                "f: { p?: string } & { q?: number };",
                "g: unknown /* allOf of schemas that are not all objects */;");
    }

    @Test
    void sharedPropertiesBesideAlternativesGoIntoEachAlternative() {
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "shape": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"],
                            "oneOf": [{"properties": {"r": {"type": "number"}}, "required": ["r"]},
                                      {"properties": {"w": {"type": "number"}}, "required": ["w"]}]},
                  "based": {"allOf": [{"$ref": "#/$defs/Base"}, {"properties": {"x": {"type": "number"}}}]},
                  "notObject": {"allOf": [{"$ref": "#/$defs/Choice"}, {"properties": {"x": {"type": "number"}}}]}
                }, "required": ["shape", "based", "notObject"],
                "$defs": {"Base": {"type": "object", "properties": {"b": {"type": "string"}}},
                          "Choice": {"anyOf": [{"type": "string"}, {"type": "number"}]}}}}]}""");

        assertThat(ts).contains(
                "shape: { id: string; r: number } | { id: string; w: number };",
                "based: Base & { x?: number };",
                "notObject: unknown /* allOf of schemas that are not all objects */;");
    }

    @Test
    void arraysTuplesAndMapsKeepTheirShape() {
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "list": {"type": "array", "items": {"type": "string"}},
                  "anyList": {"type": "array"},
                  "pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}], "minItems": 1, "items": false},
                  "open": {"type": "array", "prefixItems": [{"type": "string"}], "minItems": 1, "items": {"type": "boolean"}},
                  "map": {"type": "object", "additionalProperties": {"type": "number"}},
                  "anything": {"type": "object", "additionalProperties": true},
                  "byPattern": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}}
                }, "required": ["list", "anyList", "pair", "open", "map", "anything", "byPattern"]}}]}""");

        assertThat(ts).contains(
                "list: string[];",
                "anyList: unknown[];",
                "pair: [string, number?];",
                "open: [string, ...boolean[]];",
                "map: { [key: string]: number };",
                "anything: { [key: string]: unknown };",
                "byPattern: { /** keys match /^x-/ */ [key: string]: string };");
    }

    @Test
    void descriptionsFormatsAndConstraintsBecomeJsDoc() {
        String ts = render("""
                {"tools": [{"name": "t", "description": "Line one.\\n@returns is not a tag here */ still text",
                  "inputSchema": {"type": "object", "properties": {
                    "when": {"type": "string", "format": "date-time", "description": "When."},
                    "code": {"type": "string", "pattern": "^[A-Z]{3}$", "minLength": 3, "default": "EUR"},
                    "old": {"type": "string", "deprecated": true}}}}]}""");

        assertThat(ts).isEqualTo("""
                declare const up: {
                 /** Line one.
                  * \\@returns is not a tag here *\\/ still text */
                 t(input?: {
                  /** When. @format date-time */ when?: string;
                  /** @minLength 3 @pattern ^[A-Z]{3}$ @default "EUR" */ code?: string;
                  /** @deprecated */ old?: string;
                 }): Promise<unknown>;
                };
                """);
        var tools = ToolDefs.compile("up.d.ts", ts, "up", ToolNaming.DEFAULT).mcpTools();
        assertThat(tools.getFirst().get("description").asString())
                .isEqualTo("Line one.\n@returns is not a tag here */ still text");
    }

    @Test
    void sharedDefinitionsAreDeclaredOnceAndCyclesStayNamed() {
        String node = """
                {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}""";
        String ts = render("""
                {"tools": [
                  {"name": "a", "inputSchema": {"type": "object", "properties": {"root": {"$ref": "#/$defs/Node"}}, "$defs": {"Node": %s}}},
                  {"name": "b", "inputSchema": {"type": "object", "properties": {"root": {"$ref": "#/definitions/Node"}},
                    "definitions": {"Node": %s}}},
                  {"name": "c", "inputSchema": {"type": "object", "properties": {"other": {"$ref": "#/$defs/Node"}},
                    "$defs": {"Node": {"type": "string"}}}}
                ]}""".formatted(node, node.replace("$defs", "definitions")));

        assertThat(ts).startsWith("""
                type Node = { name?: string; children?: Node[] };
                type Node2 = { name?: string; children?: Node2[] };
                type Node3 = string;
                declare const up: {""");
    }

    @Test
    void objectTypesRepeatedInlineAcrossToolsAreDeclaredOnce() {
        String entity = """
                {"type": "object", "properties": {"name": {"type": "string", "description": "The name"}, "kind": {"type": "string"}}, "required": ["name"]}""";
        String ts = render("""
                {"tools": [
                 {"name": "create", "inputSchema": {"type": "object", "properties": {"entities": {"type": "array", "items": %1$s}}, "required": ["entities"]}},
                 {"name": "read", "inputSchema": {"type": "object"},
                 "outputSchema": {"type": "object", "properties": {"entities": {"type": "array", "items": %1$s}}, "required": ["entities"]}},
                 {"name": "one", "inputSchema": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}},
                 {"name": "two", "inputSchema": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}
                ]}""".formatted(entity));

        assertThat(ts).isEqualTo("""
                type Entities = { entities: { /** The name */ name: string; kind?: string }[] };
                declare const up: {
                 create(input: Entities): Promise<unknown>;
                 read(): Promise<Entities>;
                 one(input: { path: string }): Promise<unknown>;
                 two(input: { path: string }): Promise<unknown>;
                };
                """);
    }

    @Test
    void namesAreSanitisedAndCollisionsResolved() {
        var declarations = ToolDefs.fromToolsList(Json.MAPPER.readTree("""
                {"tools": [
                  {"name": "get-env", "inputSchema": {"type": "object"}},
                  {"name": "get.env", "inputSchema": {"type": "object"}},
                  {"name": "2fa", "inputSchema": {"type": "object", "properties": {"$ref": {"$ref": "#/$defs/class"}},
                    "$defs": {"class": {"type": "string"}}}}
                ]}"""), "up");
        String ts = ToolDefs.render(declarations, "up");

        assertThat(ts).contains("type class_ = string;", "get_env(): Promise<unknown>;", "get_env2(): Promise<unknown>;",
                "_2fa(input?: { $ref?: class_ }): Promise<unknown>;");
        assertThat(declarations.toolNames()).containsEntry("get_env", "get-env").containsEntry("get_env2", "get.env")
                .containsEntry("_2fa", "2fa");
    }

    @Test
    void whatTypeScriptCannotSayBecomesUnknownWithTheReason() {
        StringBuilder deep = new StringBuilder("{\"type\": \"string\"}");
        for (int i = 0; i < 40; i++) deep = new StringBuilder("{\"type\": \"array\", \"items\": " + deep + "}");
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "remote": {"$ref": "https://example.com/schema.json"},
                  "not": {"not": {"type": "string"}},
                  "deep": %s,
                  "weird": {"type": "date"},
                  "constObject": {"const": {"a": 1}}
                }}}]}""".formatted(deep));

        assertThat(ts).contains(
                "remote?: unknown /* $ref https://example.com/schema.json is not a local definition */;",
                "not?: unknown /* 'not' has no TypeScript form */;",
                "unknown /* nested deeper than 32 levels */",
                "weird?: unknown /* unknown JSON Schema type 'date' */;",
                "constObject?: unknown /* constant {\"a\":1} has no literal type */;");
    }

    @Test
    void quotedPropertyNamesStayExact() {
        String ts = render("""
                {"tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {
                  "content-type": {"type": "string"}, "with \\"quote\\"": {"type": "string"}}, "required": ["content-type"]}}]}""");

        assertThat(ts).contains("t(input: { \"content-type\": string; \"with \\\"quote\\\"\"?: string }): Promise<unknown>;");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"name\": \"echo\"}]",
        "{\"tools\": [{\"name\": \"echo\"}]}",
        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"tools\": [{\"name\": \"echo\"}], \"nextCursor\": \"2\"}}"})
    void aToolsListIsReadBareAsAResultOrAsTheWholeJsonRpcResponse(String json) {
        assertThat(render(json)).isEqualTo("declare const up: {\n echo(input: unknown): Promise<unknown>;\n};\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"tool": []}                                       | expected a tools/list result {"tools": [...]}, a JSON-RPC response with one as its "result", or an array of tools; found an object with keys tool
            {}                                                 | found an object with no keys
            "tools"                                            | found a string
            {"tools": {"name": "echo"}}                        | "tools" must be an array of tools, found an object
            {"tools": [{}]}                                    | a tool without a name
            {"tools": ["echo"]}                                | tools[0] must be a tool object, found a string
            {"jsonrpc": "2.0", "id": 1, "result": {}}          | found an object with no keys
            {"jsonrpc": "2.0", "id": 1, "error": {"code": -32601, "message": "Method not found"}} | a JSON-RPC error response, not a tools/list result: Method not found (code -32601); save the response of a successful tools/list call
            """)
    void inputThatIsNotAToolsListIsRejectedWithAClearMessage(String json, String message) {
        assertThatThrownBy(() -> ToolDefs.fromToolsList(Json.MAPPER.readTree(json), "up"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
