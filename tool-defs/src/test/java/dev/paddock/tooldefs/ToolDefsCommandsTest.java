package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.tooldefs.schema.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code paddock tools --from-ts} and {@code paddock types --from-schema} print and return. */
class ToolDefsCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void toolsPrintsAToolsListNamespacedByTheFileName() throws IOException {
        Path file = Files.writeString(dir.resolve("weather.d.ts"), "export interface W { now(city: string): Promise<number>; }");

        int code = tools(file, null);

        assertThat(code).isEqualTo(0);
        assertThat(Json.MAPPER.readTree(out.toString()).at("/tools/0/name").asString()).isEqualTo("weather_now");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void toolsReportsEveryErrorOnStderrAndExitsWith2() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.d.ts"), "export interface W {\n  a(x: keyof T): Promise<void>;\n  b(y): Promise<void>;\n}\n");

        int code = tools(file, "ns");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(file + ":2:8: 'keyof' is not supported", "  a(x: keyof T): Promise<void>;\n       ^",
                file + ":3:5: parameter 'y' needs a type");
    }

    @Test
    void typesRendersAToolsListWithTheGivenNamespace() throws IOException {
        Path file = Files.writeString(dir.resolve("upstream.tools.json"),
                "{\"tools\": [{\"name\": \"echo\", \"inputSchema\": {\"type\": \"object\", \"properties\": {\"m\": {\"type\": \"string\"}}, \"required\": [\"m\"]}}]}");

        assertThat(types(file, "everything")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("declare const everything: {\n echo(input: { m: string }): Promise<unknown>;\n};\n");

        out.reset();
        assertThat(types(file, null)).isEqualTo(0);
        assertThat(out.toString()).startsWith("declare const upstream: {");
    }

    @Test
    void typesRejectsBrokenJsonWithItsPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"tools\": [\n  {\"name\": }\n]}");

        assertThat(types(file, null)).isEqualTo(2);
        assertThat(err.toString()).startsWith(file + ":2:");
    }

    @Test
    void typesReadsAToolsListResponseSavedFromTheWire() throws IOException {
        Path file = Files.writeString(dir.resolve("upstream.json"),
                "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": {\"tools\": [{\"name\": \"echo\", \"inputSchema\": {\"type\": \"object\"}}]}}");

        assertThat(types(file, null)).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("declare const upstream: {\n echo(): Promise<unknown>;\n};\n");
    }

    @Test
    void typesRefusesAJsonRpcErrorResponseInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("upstream.json"),
                "{\"jsonrpc\": \"2.0\", \"id\": 2, \"error\": {\"code\": -32601, \"message\": \"Method not found\"}}");

        assertThat(types(file, null)).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo(file + ":1:1: a JSON-RPC error response, not a tools/list result: "
                + "Method not found (code -32601); save the response of a successful tools/list call\n");
    }

    @Test
    void theNamespaceDefaultsToTheFileNameWithoutExtensions() {
        assertThat(ToolDefsCommands.defaultNamespace(Path.of("dir/weather.d.ts"))).isEqualTo("weather");
        assertThat(ToolDefsCommands.defaultNamespace(Path.of("my-server.tools.json"))).isEqualTo("my_server");
        assertThat(ToolDefsCommands.defaultNamespace(Path.of("1st.d.ts"))).isEqualTo("_1st");
    }

    /** As the CLI calls it: the file read, the namespace given or named after the file. */
    private int tools(Path file, String namespace) throws IOException {
        return ToolDefsCommands.tools(file.toString(), Files.readString(file),
                namespace == null ? ToolDefsCommands.defaultNamespace(file) : namespace, ToolNaming.DEFAULT, print(out), print(err));
    }

    private int types(Path file, String namespace) throws IOException {
        return ToolDefsCommands.types(file.toString(), Files.readString(file),
                namespace == null ? ToolDefsCommands.defaultNamespace(file) : namespace, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
