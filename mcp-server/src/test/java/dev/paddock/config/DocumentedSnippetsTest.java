package dev.paddock.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON snippet in README.md and docs/ works as written: a paddock.json snippet passes the schema, an
 * MCP client snippet (one that starts Paddock) names a command and its arguments, and nothing else is shown
 * as JSON without being one of the kinds listed here.
 */
class DocumentedSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JSON_BLOCK = Pattern.compile("(?m)^```json\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public (?:final )?class (\\w+)");
    /** Shown to say what `execute` answers, not to be configured. */
    private static final Set<String> RESULT_KEYS = Set.of("result", "logs");

    /** One fenced block of a document, named by file and line. */
    private record Snippet(String where, String text) {}

    @TestFactory
    Stream<DynamicTest> everyJsonSnippetIsValidAsWhatItShows() throws IOException {
        List<Snippet> snippets = snippets(JSON_BLOCK);
        assertThat(snippets).as("JSON snippets found").hasSizeGreaterThan(5);
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> check(s.where(), s.text())));
    }

    /** Java snippets compile as written, imports included, against Paddock's own classes. */
    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path dir) throws IOException {
        List<Snippet> snippets = snippets(JAVA_BLOCK);
        assertThat(snippets).as("Java snippets found").isNotEmpty();
        return IntStream.range(0, snippets.size()).mapToObj(i -> DynamicTest.dynamicTest(
                snippets.get(i).where(), () -> compile(snippets.get(i).where(), snippets.get(i).text(), dir.resolve("snippet" + i))));
    }

    private static List<Snippet> snippets(Pattern fence) throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (Path file : documents()) {
            String text = Files.readString(file);
            Matcher block = fence.matcher(text);
            while (block.find()) {
                int line = text.substring(0, block.start()).split("\n", -1).length + 1;
                snippets.add(new Snippet(ROOT.relativize(file) + ":" + line, block.group(1)));
            }
        }
        return snippets;
    }

    private static void compile(String where, String snippet, Path dir) throws IOException {
        Matcher name = PUBLIC_CLASS.matcher(snippet);
        assertThat(name.find()).as(where + ": a Java snippet declares a public class").isTrue();
        Path source = Files.createDirectories(dir).resolve(name.group(1) + ".java");
        Files.writeString(source, snippet);
        var errors = new java.io.ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as(where + " does not compile:\n" + errors).isZero();
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static void check(String where, String snippet) throws ConfigException {
        JsonNode json = JsonMapper.shared().readTree(snippet);
        JsonNode servers = json.has("mcpServers") ? json.get("mcpServers") : json.path("servers");
        // An MCP client's file starts Paddock; a paddock.json's "mcpServers" are the servers behind it.
        if (servers.has("paddock")) {
            for (JsonNode server : servers) {
                assertThat(server.path("command").isString()).as(where + ": a client snippet names its command").isTrue();
                assertThat(server.path("args").isArray()).as(where + ": a client snippet lists its args").isTrue();
                // Clients pass servers almost no environment: the snippet shows where ${env:…} values go.
                assertThat(server.path("env").isObject()).as(where + ": a client snippet shows its \"env\"").isTrue();
            }
        } else if (RESULT_KEYS.containsAll(json.propertyNames())) {
            assertThat(json.has("result")).as(where + ": an execute result").isTrue();
        } else {
            ConfigSchema.check(LocatedJson.parse(where, snippet));
        }
    }
}
