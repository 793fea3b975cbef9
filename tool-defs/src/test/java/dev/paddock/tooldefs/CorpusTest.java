package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.tooldefs.schema.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every corpus file yields exactly the tools in its {@code .tools.json} twin. After a deliberate change,
 * refresh the expectations with {@code -Dcorpus.update=true} and review the diff.
 */
class CorpusTest {

    static Stream<Path> corpus() {
        return Corpus.declarationFiles().stream();
    }

    static JsonNode tools(Path file) {
        List<ObjectNode> tools = ToolDefs.compile(file.getFileName().toString(), Corpus.read(file),
                Corpus.namespace(file), ToolNaming.DEFAULT).mcpTools();
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.putArray("tools").addAll(tools);
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void declarationsYieldTheExpectedTools(Path file) throws IOException {
        JsonNode actual = tools(file);
        String expectedName = file.getFileName().toString().replace(".d.ts", ".tools.json");
        if (Boolean.getBoolean("corpus.update")) {
            Files.writeString(Corpus.sourceDirectory().resolve(expectedName),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            Files.writeString(Corpus.sourceDirectory().resolve(expectedName.replace(".tools.json", ".rendered.ts")),
                    ToolDefs.compile(file.toString(), Corpus.read(file), Corpus.namespace(file), ToolNaming.DEFAULT).typeScript());
            return;
        }
        JsonNode expected = Json.MAPPER.readTree(Corpus.read(file.resolveSibling(expectedName)));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void declarationsRenderAsTheExpectedTypeScript(Path file) {
        String rendered = ToolDefs.compile(file.toString(), Corpus.read(file), Corpus.namespace(file), ToolNaming.DEFAULT).typeScript();

        assertThat(rendered).isEqualTo(Corpus.read(file.resolveSibling(
                file.getFileName().toString().replace(".d.ts", ".rendered.ts"))));
    }
}
