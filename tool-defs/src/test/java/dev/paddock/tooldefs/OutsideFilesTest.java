package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paddock.tooldefs.schema.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Declaration files written the way users write them (comments everywhere, odd separators, BOM and
 * CRLF, constructs outside the supported list), run through {@code paddock tools --from-ts}. Each file
 * says what it expects in marker comments:
 * {@code //! accept TOOL JSON} and {@code //! reject TOOL JSON} (a sample tool input; {@code accept-output}
 * and {@code reject-output} for a sample result against the output schema), or
 * {@code //! error LINE:COL message} (every error of the file, in order).
 */
class OutsideFilesTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Path> files() throws URISyntaxException, IOException {
        try (Stream<Path> files = Files.list(Path.of(OutsideFilesTest.class.getResource("/outside").toURI()))) {
            return files.filter(f -> f.toString().endsWith(".d.ts")).sorted().toList().stream();
        }
    }

    private record Run(int exitCode, String out, String err) {}

    /** The CLI command body; the namespace is the file name up to its first '-' ({@code s01-weather.d.ts} → {@code s01}). */
    private static Run run(Path file) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String ns = file.getFileName().toString().split("-")[0];
        int code;
        try {
            code = ToolDefsCommands.tools(file.toString(), Files.readString(file), ns, ToolNaming.DEFAULT,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> markers(Path file, String kind) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("//! " + kind + " "))
                    .map(l -> l.substring(("//! " + kind + " ").length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void supportedFilesYieldSchemasThatAcceptAndRejectTheRightValues(Path file) {
        if (!markers(file, "error").isEmpty()) return;
        Run run = run(file);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ToolDefsCommands.OK);
        JsonNode tools = Json.MAPPER.readTree(run.out()).get("tools");
        List<String> samples = new ArrayList<>(markers(file, "accept"));
        samples.addAll(markers(file, "reject"));
        assertThat(samples).as("a supported file names sample values").isNotEmpty();
        for (String kind : List.of("accept", "reject", "accept-output", "reject-output")) {
            String schemaKey = kind.endsWith("-output") ? "outputSchema" : "inputSchema";
            for (String marker : markers(file, kind)) {
                String[] parts = marker.split(" ", 2);
                JsonNode tool = tools.valueStream().filter(t -> t.get("name").asString().equals(parts[0])).findFirst()
                        .orElseThrow(() -> new AssertionError("no tool " + parts[0] + " in " + file.getFileName()));
                assertThat(tool.has(schemaKey)).as("%s has an %s", parts[0], schemaKey).isTrue();
                var problems = REGISTRY.getSchema(tool.get(schemaKey)).validate(Json.MAPPER.readTree(parts[1]));
                if (kind.startsWith("accept")) assertThat(problems).as("%s accepts %s", parts[0], parts[1]).isEmpty();
                else assertThat(problems).as("%s rejects %s\n%s", parts[0], parts[1], tool.get(schemaKey)).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void supportedFilesRenderToTypeScriptThatParsesBackToTheSameTools(Path file) throws IOException {
        if (!markers(file, "error").isEmpty()) return;
        String ns = file.getFileName().toString().split("-")[0];
        CompiledDeclarations declarations = ToolDefs.compile(file.toString(), Files.readString(file), ns, ToolNaming.DEFAULT);
        String rendered = declarations.typeScript();

        CompiledDeclarations again = ToolDefs.compile("rendered.d.ts", rendered, ns, ToolNaming.DEFAULT);

        assertThat(again.mcpTools()).as(rendered)
                .isEqualTo(declarations.mcpTools());
        assertThat(again.typeScript()).isEqualTo(rendered);
    }

    /**
     * TS → schema → TS → schema keeps every schema's meaning. Not its spelling: rendering for a model
     * names an object type that the schemas repeat inline, which comes back as a $ref.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void supportedFilesKeepTheirSchemasThroughTheSchemaToTypeScriptRoundTrip(Path file) throws IOException {
        if (!markers(file, "error").isEmpty()) return;
        String ns = file.getFileName().toString().split("-")[0];
        List<ObjectNode> first = ToolDefs.compile(file.toString(), Files.readString(file), ns, ToolNaming.DEFAULT).mcpTools();
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.putArray("tools").addAll(first);

        String typeScript = ToolDefs.render(ToolDefs.fromToolsList(list, ns), ns);
        List<ObjectNode> second = ToolDefs.compile("roundtrip.d.ts", typeScript, ns, new ToolNaming("{method}")).mcpTools();

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            for (String key : List.of("description", "inputSchema", "outputSchema")) {
                assertThat(resolved(second.get(i).path(key))).as("%s of %s\n%s", key, first.get(i).get("name"), typeScript)
                        .isEqualTo(resolved(first.get(i).path(key)));
            }
        }
    }

    /** The schema with every local $ref replaced by its definition (a recursive one by its name). */
    private static JsonNode resolved(JsonNode schema) {
        return resolved(schema, schema.path("$defs"), List.of());
    }

    private static JsonNode resolved(JsonNode node, JsonNode defs, List<String> enclosing) {
        if (node.isArray()) {
            var array = Json.MAPPER.createArrayNode();
            node.forEach(item -> array.add(resolved(item, defs, enclosing)));
            return array;
        }
        if (!node.isObject()) return node;
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (node.path("$ref").isString()) {
            String name = node.get("$ref").asString().substring("#/$defs/".length());
            if (enclosing.contains(name)) return out.put("$recursive", enclosing.indexOf(name));
            List<String> inside = new ArrayList<>(enclosing);
            inside.add(name);
            out.setAll((ObjectNode) resolved(defs.path(name), defs, inside));
        }
        node.properties().forEach(e -> {
            if (!e.getKey().equals("$ref") && !e.getKey().equals("$defs")) out.set(e.getKey(), resolved(e.getValue(), defs, enclosing));
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void unsupportedConstructsAreEachReportedAtTheirLineAndColumnWithACaret(Path file) {
        List<String> expected = markers(file, "error");
        if (expected.isEmpty()) return;
        Run run = run(file);
        assertThat(run.exitCode()).isEqualTo(ToolDefsCommands.INVALID_INPUT);
        assertThat(run.out()).isEmpty();

        String[] lines = run.err().split("\n");
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            String head = lines[i].substring(file.toString().length() + 1);
            reported.add(head);
            int column = Integer.parseInt(head.split(":")[1]);
            assertThat(lines[i + 2]).as("caret of %s", head).isEqualTo(" ".repeat(column - 1) + "^");
        }
        assertThat(reported).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String[] parts = expected.get(i).split(" ", 2);
            assertThat(reported.get(i)).startsWith(parts[0] + ": " + parts[1]);
        }
    }
}
