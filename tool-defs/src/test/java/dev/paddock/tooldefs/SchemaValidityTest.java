package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paddock.tooldefs.schema.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Emitted schemas are valid JSON Schema 2020-12 and accept and reject the right values. */
class SchemaValidityTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    static Stream<Path> corpus() {
        return Corpus.declarationFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyEmittedSchemaIsAValidJsonSchema202012Document(Path file) {
        for (JsonNode tool : CorpusTest.tools(file).get("tools")) {
            for (String key : List.of("inputSchema", "outputSchema")) {
                if (!tool.has(key)) continue;
                assertThat(META_SCHEMA.validate(tool.get(key))).as("%s.%s", tool.get("name"), key).isEmpty();
                assertThat(tool.get(key).get("type").asString()).isEqualTo("object");
                REGISTRY.getSchema(tool.get(key)); // compiles, $refs resolve
            }
            assertThat(tool.get("name").asString()).matches("[A-Za-z0-9_.-]{1,128}");
        }
    }

    @Test
    void theMetaSchemaCheckCanFail() {
        assertThat(META_SCHEMA.validate(Json.MAPPER.readTree("""
                {"type": "object", "properties": {"a": {"type": 5}}, "required": "a"}"""))).isNotEmpty();
    }

    @Test
    void positionalParametersAcceptTheDeclaredShapeAndRejectOthers() {
        Schema input = input("weather.d.ts", "weather_forecast");

        assertAccepts(input, """
                {"city": "Paris"}""", """
                {"city": "Paris", "days": 3, "unit": "celsius"}""");
        assertRejects(input, """
                {}""", """
                {"city": 7}""", """
                {"city": "Paris", "unit": "kelvin"}""", """
                {"city": "Paris", "extra": true}""");
    }

    @Test
    void constraintTagsAreEnforced() {
        Schema input = input("constraints.d.ts", "constraints_register");

        assertAccepts(input, """
                {"login": "ada_l", "email": "ada@example.com", "age": 36, "languages": ["en", "fr"]}""");
        assertRejects(input, """
                {"login": "ad", "email": "ada@example.com"}""", """
                {"login": "Ada", "email": "ada@example.com"}""", """
                {"login": "ada_l", "email": "ada@example.com", "age": 12}""", """
                {"login": "ada_l", "email": "ada@example.com", "languages": []}""", """
                {"login": "ada_l", "email": "ada@example.com", "languages": ["a", "b", "c", "d"]}""");
    }

    @Test
    void tuplesRecordsAndIndexSignaturesValidateLikeTheirTypeScript() {
        Schema tuples = input("collections.d.ts", "collections_tuples");
        String ok = """
                {"pair": ["a", 1], "optionalTail": ["a"], "withRest": ["a", 1, 2, 3], "named": [1, 2]}""";
        assertAccepts(tuples, ok);
        assertRejects(tuples, ok.replace("[\"a\", 1]", "[\"a\", 1, 2]"), ok.replace("[\"a\"]", "[]"),
                ok.replace("[\"a\", 1, 2, 3]", "[\"a\", \"b\"]"));

        Schema maps = input("collections.d.ts", "collections_maps");
        String mapsOk = """
                {"labels": {"x": "y"}, "scores": {"low": 1, "high": 2}, "headers": {}, "counted": {"total": 1, "a": 2}}""";
        assertAccepts(maps, mapsOk);
        assertRejects(maps, mapsOk.replace("\"x\": \"y\"", "\"x\": 1"), mapsOk.replace(", \"high\": 2", ""),
                mapsOk.replace("\"a\": 2", "\"a\": \"2\""));
    }

    @Test
    void recursiveAndSharedTypesValidateThroughTheirDefinitions() {
        Schema tree = output("composition.d.ts", "composition_tree");
        assertAccepts(tree, """
                {"entity": {"id": "1", "name": "root"}, "children": [
                  {"entity": {"id": "2", "name": "leaf"}, "children": []}]}""");
        assertRejects(tree, """
                {"entity": {"id": "1", "name": "root"}, "children": [{"entity": {"id": "2"}, "children": []}]}""");

        Schema create = input("composition.d.ts", "composition_create");
        assertAccepts(create, """
                {"name": "x", "priority": 5}""");
        assertRejects(create, """
                {"name": "x", "priority": 2}""");
    }

    @Test
    void unionsOfLiteralsAndObjectsValidateEachAlternative() {
        Schema literals = input("primitives.d.ts", "primitives_literals");
        String ok = """
                {"mode": "fast", "one": "only", "count": -3, "flag": true, "mixed": "auto", "either": null, "choice": {"custom": "z"}}""";
        assertAccepts(literals, ok, ok.replace("\"auto\"", "4").replace("null", "\"s\""));
        assertRejects(literals, ok.replace("\"fast\"", "\"medium\""), ok.replace("-3", "3"),
                ok.replace("true", "false"), ok.replace("\"auto\"", "\"manual\""), ok.replace("{\"custom\": \"z\"}", "\"c\""));
    }

    @Test
    void numberLiteralsMeanTheirValueHoweverTheyAreWritten() {
        var tools = ToolDefs.compile("n.d.ts", """
                export interface N { f(a: 1e3, b: 0x10, c: 0o17, d: 0b101, e: .5, g: 1_000): Promise<void>; }
                """, "n", ToolNaming.DEFAULT).mcpTools();

        assertThat(tools.getFirst().at("/inputSchema/properties").toString()).isEqualTo("""
                {"a":{"const":1000},"b":{"const":16},"c":{"const":15},"d":{"const":5},"e":{"const":0.5},"g":{"const":1000}}""");
    }

    @Test
    void stringLiteralEscapesMeanWhatTheyMeanInTypeScript() {
        var tools = ToolDefs.compile("s.d.ts", "export interface S { f(a: \"\\x41\\u0042\\u{43}\", b: 'line \\\n continued'): Promise<void>; }", "s", ToolNaming.DEFAULT).mcpTools();

        assertThat(tools.getFirst().at("/inputSchema/properties").toString()).isEqualTo("""
                {"a":{"const":"ABC"},"b":{"const":"line  continued"}}""");
    }

    @Test
    void anIntersectionRequiresAndNarrowsWhateverTheOrderOfItsParts() {
        var tools = ToolDefs.compile("i.d.ts", """
                interface User { id: string; name: string; kind: string }
                export interface Api {
                  patch(u: Pick<User, "id"> & Partial<User>): Promise<void>;
                  admin(u: { kind: "admin" } & User): Promise<void>;
                }
                """, "i", ToolNaming.DEFAULT).mcpTools();
        Schema patch = REGISTRY.getSchema(tools.get(0).get("inputSchema"));
        Schema admin = REGISTRY.getSchema(tools.get(1).get("inputSchema"));

        assertAccepts(patch, """
                {"id": "1"}""");
        assertRejects(patch, """
                {"name": "n"}""");
        assertAccepts(admin, """
                {"id": "1", "name": "n", "kind": "admin"}""");
        assertRejects(admin, """
                {"id": "1", "name": "n", "kind": "user"}""");
    }

    @Test
    void anIntersectionOfConflictingPropertyTypesIsAnError() {
        assertThat(DiagnosticsTest.errors("""
                export interface Api { f(x: { a: string } & { a: number }): Promise<void>; }
                """)).extracting(Diagnostic::message).containsExactly(
                "'a' has two different types in this intersection: declare it once with the type you mean");
    }

    private static Schema input(String file, String tool) {
        return REGISTRY.getSchema(tool(file, tool).get("inputSchema"));
    }

    private static Schema output(String file, String tool) {
        return REGISTRY.getSchema(tool(file, tool).get("outputSchema"));
    }

    private static JsonNode tool(String file, String name) {
        for (JsonNode tool : CorpusTest.tools(Corpus.directory().resolve(file)).get("tools")) {
            if (tool.get("name").asString().equals(name)) return tool;
        }
        throw new AssertionError("no tool " + name + " in " + file);
    }

    private static void assertAccepts(Schema schema, String... values) {
        for (String value : values) {
            assertThat(schema.validate(Json.MAPPER.readTree(value))).as("should accept %s", value).isEmpty();
        }
    }

    private static void assertRejects(Schema schema, String... values) {
        for (String value : values) {
            assertThat(schema.validate(Json.MAPPER.readTree(value))).as("should reject %s", value).isNotEmpty();
        }
    }
}
