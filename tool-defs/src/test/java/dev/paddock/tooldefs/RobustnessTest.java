package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import dev.paddock.tooldefs.schema.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Broken and hostile input ends in diagnostics, never in another exception or a hang. */
class RobustnessTest {

    @Test
    void everyPrefixAndRandomMutationOfTheCorpusParsesOrReportsDiagnostics() {
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (var file : Corpus.declarationFiles()) {
                String text = Corpus.read(file);
                for (int cut = 0; cut < text.length(); cut += 7) survive(text.substring(0, cut));
                for (int i = 0; i < 300; i++) {
                    StringBuilder mutated = new StringBuilder(text);
                    for (int n = 0; n < 3; n++) {
                        int at = random.nextInt(mutated.length());
                        switch (random.nextInt(3)) {
                            case 0 -> mutated.deleteCharAt(at);
                            case 1 -> mutated.insert(at, "{}()[]<>;:,?|&=`'\"@*/.-_a1 \n".charAt(random.nextInt(28)));
                            default -> mutated.setCharAt(at, "{}()[]<>;:,?|&=".charAt(random.nextInt(15)));
                        }
                    }
                    survive(mutated.toString());
                }
            }
        });
    }

    @Test
    void anyMutationOfTheCorpusSchemasRendersToTypeScriptThatParsesBack() {
        Random random = new Random(7);
        List<String> keywords = List.of("type", "properties", "items", "required", "enum", "anyOf", "$ref",
                "additionalProperties", "prefixItems", "const", "description", "default", "format", "pattern", "minimum",
                "maxLength", "deprecated", "nullable", "oneOf", "allOf", "patternProperties");
        List<String> values = List.of("{}", "true", "false", "null", "\"string\"", "[\"a\", 1]",
                "{\"type\": \"array\"}", "[{\"type\": \"object\"}, {\"const\": 3}]", "\"#/$defs/Nope\"",
                "{\"x\": {\"type\": \"integer\"}}", "\"*/ @default x @minimum y\"", "\"a \\\\@b\"");
        for (var file : Corpus.declarationFiles()) {
            JsonNode tools = CorpusTest.tools(file);
            for (int i = 0; i < 200; i++) {
                JsonNode mutated = tools.deepCopy();
                for (int n = 0; n < 4; n++) {
                    ObjectNode target = randomObject(mutated, random);
                    String key = keywords.get(random.nextInt(keywords.size()));
                    if (random.nextBoolean()) target.remove(key);
                    else target.set(key, Json.MAPPER.readTree(values.get(random.nextInt(values.size()))));
                }
                String ts = ToolDefs.render(ToolDefs.fromToolsList(mutated, "m"), "m");
                assertThatCode(() -> ToolDefs.compile("m.d.ts", ts, "m", ToolNaming.DEFAULT)).as("%s%nrendered as%n%s", mutated, ts)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static ObjectNode randomObject(JsonNode root, Random random) {
        List<ObjectNode> objects = new java.util.ArrayList<>();
        collect(root, objects);
        return objects.get(random.nextInt(objects.size()));
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode o && !o.has("tools") && !o.has("name")) into.add(o);
        for (JsonNode child : node) collect(child, into);
    }

    @Test
    void deeplyNestedTypesAreAnErrorNotAStackOverflow() {
        String deep = "export interface A { f(x: " + "{ a: ".repeat(5000) + "string" + " }".repeat(5000) + "): Promise<void>; }";

        List<Diagnostic> errors = DiagnosticsTest.errors(deep);

        assertThat(errors.getFirst().message()).isEqualTo("types nested more than 100 levels deep are not supported");
    }

    @Test
    void cyclesWithoutAnObjectInBetweenAreErrors() {
        assertThat(DiagnosticsTest.errors("""
                export interface A { f(x: Loop): Promise<void>; }
                type Loop = Other | null;
                type Other = Loop;
                """)).extracting(Diagnostic::message).contains(
                "type 'Loop' refers to itself without an object or array in between",
                "type 'Other' refers to itself without an object or array in between");
    }

    @Test
    void recursiveTypesThroughObjectsAndArraysAreFine() {
        assertThatCode(() -> ToolDefs.compile("ok.d.ts", """
                export interface A { f(x: Json, l: List<string>): Promise<Json>; }
                type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
                type List<T> = { head: T; tail?: List<T> };
                """, "ok", ToolNaming.DEFAULT)).doesNotThrowAnyException();
    }

    @Test
    void aGenericThatGrowsAtEveryLevelIsAnError() {
        assertThat(DiagnosticsTest.errors("""
                export interface A { f(x: Grow<string>): Promise<void>; }
                type Grow<T> = { next?: Grow<T[]> };
                """).getFirst().message()).startsWith("'Grow' expands into more than 200 distinct types");
    }

    @Test
    void aLongChainOfPlainDeclarationsIsNotMistakenForAGrowingGeneric() {
        StringBuilder source = new StringBuilder("export interface A { f(x: T0): Promise<void>; }\n");
        for (int i = 0; i < 250; i++) source.append("type T").append(i).append(" = { next?: T").append(i + 1).append(" };\n");
        source.append("type T250 = { end: true };\n");

        var tools = ToolDefs.compile("chain.d.ts", source.toString(), "c", ToolNaming.DEFAULT).mcpTools();

        assertThat(tools.getFirst().at("/inputSchema/properties/next/properties/next").isObject()).isTrue();
    }

    /** Input that parses must also convert and render to TypeScript that parses; else diagnostics. */
    private static void survive(String source) {
        CompiledDeclarations d;
        try {
            d = ToolDefs.compile("m.d.ts", source, "m", ToolNaming.DEFAULT);
        } catch (DeclarationException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(diagnostic -> {
                assertThat(diagnostic.line()).isPositive();
                assertThat(diagnostic.column()).isPositive();
            });
            return;
        }
        String rendered = d.typeScript();
        assertThatCode(() -> ToolDefs.compile("r.d.ts", rendered, "m", ToolNaming.DEFAULT)).as("%s%nrendered as%n%s", source, rendered)
                .doesNotThrowAnyException();
    }
}
