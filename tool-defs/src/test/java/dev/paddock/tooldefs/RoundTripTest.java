package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The conversions agree with each other over the whole corpus. */
class RoundTripTest {

    static Stream<Path> corpus() {
        return Corpus.declarationFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void typeScriptToSchemaToTypeScriptToSchemaIsAFixedPoint(Path file) {
        JsonNode first = CorpusTest.tools(file);
        String ns = Corpus.namespace(file);

        String typeScript = ToolDefs.render(ToolDefs.fromToolsList(first, ns), ns);
        CompiledDeclarations reparsed = ToolDefs.compile("roundtrip.d.ts", typeScript, ns, new ToolNaming("{method}"));
        var second = reparsed.mcpTools();

        assertThat(second).hasSameSizeAs(first.get("tools"));
        for (int i = 0; i < second.size(); i++) {
            JsonNode before = first.get("tools").get(i);
            JsonNode after = second.get(i);
            // Names that are not identifiers come back sanitised; Declarations.toolNames() maps them.
            assertThat(after.get("name").asString()).isEqualTo(before.get("name").asString().replace('-', '_'));
            assertThat(after.path("description")).as("description of %s", before.get("name")).isEqualTo(before.path("description"));
            assertThat(after.get("inputSchema")).as("input of %s\n%s", before.get("name"), typeScript).isEqualTo(before.get("inputSchema"));
            assertThat(after.path("outputSchema")).as("output of %s\n%s", before.get("name"), typeScript).isEqualTo(before.path("outputSchema"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void renderedDeclarationsParseBackToTheSameTools(Path file) {
        String ns = Corpus.namespace(file);
        String rendered = ToolDefs.compile(file.toString(), Corpus.read(file), ns, ToolNaming.DEFAULT).typeScript();

        var tools = ToolDefs.compile("rendered.d.ts", rendered, ns, ToolNaming.DEFAULT).mcpTools();

        assertThat(tools).as(rendered).containsExactlyElementsOf(
                () -> CorpusTest.tools(file).get("tools").values().stream()
                        .map(n -> (tools.jackson.databind.node.ObjectNode) n).iterator());
    }
}
