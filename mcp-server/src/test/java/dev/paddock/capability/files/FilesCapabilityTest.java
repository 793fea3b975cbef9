package dev.paddock.capability.files;

import static dev.paddock.capability.AgentCalls.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.AgentCalls;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.files.FilesCapability.PathInput;
import dev.paddock.capability.files.FilesCapability.WriteInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class FilesCapabilityTest {
    @TempDir
    Path tmp;

    Path root;
    Path outside;
    FilesCapability files;

    @BeforeEach
    void layOutFolders() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/sales.csv"), "region,amount\nnorth,10\n");
        files = new FilesCapability(FilesCapability.Settings.of(root));
    }

    @Test
    void readsAndListsFilesUnderTheRoot() {
        assertThat(files.read(new PathInput("data/sales.csv"))).startsWith("region,amount");
        assertThat(files.read(new PathInput("./data//sales.csv"))).startsWith("region,amount");
        assertThat(files.list(new PathInput(""))).extracting(FilesCapability.Entry::name).containsExactly("data");
        assertThat(files.list(new PathInput("data")))
                .containsExactly(new FilesCapability.Entry("sales.csv", "file", 23));
        assertThat(files.stat(new PathInput("data")).type()).isEqualTo("directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret.txt", "../../etc/passwd", "data/../../outside/secret.txt", "/etc/passwd",
            "~/secret.txt", "..", "data\\..\\..\\outside\\secret.txt", "data/\u0000/x"})
    void refusesPathsThatLeaveTheRoot(String path) {
        assertThatThrownBy(() -> files.read(new PathInput(path)))
                .isInstanceOf(CapabilityException.class)
                .satisfies(e -> assertThat(((CapabilityException) e).code()).isIn("EACCES", "EINVAL"))
                .hasMessageContaining(path.replace("\u0000", "\u0000"));
    }

    @Test
    void refusesSymbolicLinksThatPointOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("data/secret-link.txt"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> files.read(new PathInput("escape/secret.txt")))
                .hasMessageContaining("symbolic link that points outside");
        assertThatThrownBy(() -> files.read(new PathInput("data/secret-link.txt")))
                .hasMessageContaining("symbolic link that points outside");
        assertThatThrownBy(() -> files.list(new PathInput("escape"))).hasMessageContaining("outside");
    }

    @Test
    void followsSymbolicLinksThatStayInside() throws IOException {
        Files.createSymbolicLink(root.resolve("latest.csv"), root.resolve("data/sales.csv"));
        assertThat(files.read(new PathInput("latest.csv"))).startsWith("region");
    }

    @Test
    void unicodeLookalikesAreOrdinaryNamesNotTraversal() {
        // Fullwidth dots and slashes are plain characters on Linux: they cannot climb out of the root.
        assertThatThrownBy(() -> files.read(new PathInput("\uFF0E\uFF0E\uFF0Foutside\uFF0Fsecret.txt")))
                .isInstanceOf(CapabilityException.class)
                .satisfies(e -> assertThat(((CapabilityException) e).code()).isEqualTo("ENOENT"));
    }

    @Test
    void writeIsDeclaredAndImplementedOnlyForWritableRoots() {
        assertThat(FilesCapability.declarations(false)).doesNotContain("write(input:");
        assertThat(FilesCapability.declarations(true)).contains("write(input:");
        assertThat(FilesCapability.class.getMethods()).extracting(java.lang.reflect.Method::getName).doesNotContain("write");
    }

    @Test
    void writesAtomicallyAndNeverThroughLinks() throws IOException {
        WritableFiles writable = new WritableFiles(FilesCapability.Settings.of(root));
        assertThat(writable.write(new WriteInput("data/out.txt", "héllo"), NO_CONTEXT).size()).isEqualTo(6);
        assertThat(Files.readString(root.resolve("data/out.txt"))).isEqualTo("héllo");

        Files.createSymbolicLink(root.resolve("data/link.txt"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> writable.write(new WriteInput("data/link.txt", "pwned"), NO_CONTEXT))
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("top secret");

        Files.createSymbolicLink(root.resolve("out-dir"), outside);
        assertThatThrownBy(() -> writable.write(new WriteInput("out-dir/new.txt", "pwned"), NO_CONTEXT))
                .hasMessageContaining("outside");
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThatThrownBy(() -> writable.write(new WriteInput("../outside/new.txt", "pwned"), NO_CONTEXT))
                .hasMessageContaining("'..'");
    }

    @Test
    void capsSizesWithAClearMessage() throws IOException {
        WritableFiles small = new WritableFiles(new FilesCapability.Settings(root, 10, 10, 1));
        assertThatThrownBy(() -> small.read(new PathInput("data/sales.csv"))).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> small.write(new WriteInput("big.txt", "0123456789ABC"), NO_CONTEXT)).hasMessageContaining("at most 10");
        Files.writeString(root.resolve("second"), "");
        assertThatThrownBy(() -> small.list(new PathInput(""))).hasMessageContaining("more than 1 entries");
    }

    @Test
    void binaryFilesNeedReadBytes() throws IOException {
        Files.write(root.resolve("image.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> files.read(new PathInput("image.bin"))).hasMessageContaining("files.readBytes");
        assertThat(files.readBytes(new PathInput("image.bin")).base64()).isEqualTo("//4A");
    }

    @Test
    void missingFilesSayWhichPath() {
        assertThatThrownBy(() -> files.read(new PathInput("data/nope.csv")))
                .hasMessage("no such file or folder: \"data/nope.csv\"");
        assertThatThrownBy(() -> files.read(new PathInput("data"))).hasMessageContaining("is a folder");
    }

    // Through the call path, as agent code calls files on a writable root.

    private AgentCalls agent() {
        return AgentCalls.to(Capability.of(FilesCapability.NAMESPACE, FilesCapability.declarations(true),
                new WritableFiles(FilesCapability.Settings.of(root))));
    }

    /** One object argument as the JSON text the isolate sends (lone surrogates stay \\u escapes, as from JS). */
    private static String arg(Map<String, String> input) {
        return new String(JsonMapper.shared().writeValueAsBytes(List.of(input)), StandardCharsets.UTF_8);
    }

    private static String path(String path) {
        return arg(Map.of("path", path));
    }

    private static String write(String path, String content) {
        return arg(Map.of("path", path, "content", content));
    }

    private void assertFails(AgentCalls agent, String method, String arguments, String code, String message) {
        assertThatThrownBy(() -> agent.call(method, arguments))
                .isInstanceOf(CapabilityException.class)
                .satisfies(e -> assertThat(((CapabilityException) e).code()).isEqualTo(code))
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(tmp.toString()));
    }

    @Test
    void errorsNameThePathRelativeToTheRootAndNeverTheHostPath() throws IOException {
        AgentCalls agent = agent();
        Files.writeString(root.resolve("hello.txt"), "hi");
        String notAFolder = "cannot access \"hello.txt/inner\": a part of the path is a file, not a folder";
        for (String method : List.of("read", "readBytes", "stat", "list")) {
            assertFails(agent, method, path("hello.txt/inner"), "ENOTDIR", notAFolder);
        }
        assertFails(agent, "write", write("hello.txt/inner/x", "x"), "ENOTDIR", "cannot access \"hello.txt/inner\"");

        String longName = "n".repeat(256);
        for (String method : List.of("read", "stat", "list")) {
            assertFails(agent, method, path("data/" + longName), "ENAMETOOLONG", "names may have at most 255");
        }
        assertFails(agent, "write", write("data/" + longName, "x"), "ENAMETOOLONG", "names may have at most 255");
        String deep = "d/".repeat(2100) + "f";
        assertFails(agent, "write", write(deep, "x"), "ENAMETOOLONG", "paths under this files root may have at most");
        assertFails(agent, "read", path(deep), "ENAMETOOLONG", "(4201 characters)");
    }

    @Test
    void namesUpToTheFileSystemsLimitCanBeWrittenAndRead() {
        AgentCalls agent = agent();
        String longest = "n".repeat(255);
        assertThat(agent.call("write", write("data/" + longest, "ok")).path("size").asInt()).isEqualTo(2);
        assertThat(agent.call("read", path("data/" + longest)).asString()).isEqualTo("ok");
        String utf8Longest = "é".repeat(127) + "x"; // 255 bytes of UTF-8
        assertThat(agent.call("write", write(utf8Longest, "ok")).path("path").asString()).isEqualTo(utf8Longest);
    }

    @Test
    void concurrentWritesToOnePathAllSucceedAndLeaveNoTempFiles() throws IOException {
        ExecutorService hosts = Executors.newFixedThreadPool(8);
        try {
            AgentCalls agent = AgentCalls.to(Capability.of(FilesCapability.NAMESPACE, FilesCapability.declarations(true),
                    new WritableFiles(FilesCapability.Settings.of(root))), hosts);
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) writes.add(agent.start("write", write("data/same.txt", "version " + i)));
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            assertThat(agent.call("read", path("data/same.txt")).asString()).startsWith("version ");
        } finally {
            hosts.shutdownNow();
        }
        try (Stream<Path> left = Files.list(root.resolve("data"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("sales.csv", "same.txt");
        }
    }

    @Test
    void tempFilesAreHiddenReservedAndNeverTouchTheAgentsFiles() throws IOException {
        AgentCalls agent = agent();
        agent.call("write", write("data/.report.txt.paddock-tmp", "the agent's own file"));
        agent.call("write", write("data/report.txt", "report"));
        assertThat(agent.call("read", path("data/.report.txt.paddock-tmp")).asString()).isEqualTo("the agent's own file");

        Files.writeString(root.resolve("data/.paddock-tmp-0123456789abcdef"), "left by a crash");
        assertThat(agent.call("list", path("data")).findValuesAsString("name"))
                .containsExactly(".report.txt.paddock-tmp", "report.txt", "sales.csv");
        for (String method : List.of("read", "stat")) {
            assertFails(agent, method, path("data/.paddock-tmp-0123456789abcdef"), "EACCES", "reserves for unfinished writes");
        }
        assertFails(agent, "write", write("data/.paddock-tmp-mine", "x"), "EACCES", "choose another name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/.", "data/", "data/./", "data/sales.csv/", "data//"})
    void writePathsMustEndInAFileName(String target) throws IOException {
        assertFails(agent(), "write", write(target, "x"), "EINVAL", "does not end in a file name");
        try (Stream<Path> data = Files.list(root.resolve("data"))) {
            assertThat(data).extracting(p -> p.getFileName().toString()).containsExactly("sales.csv");
        }
        assertThat(Files.readString(root.resolve("data/sales.csv"))).startsWith("region");
    }

    @Test
    void loneSurrogatesAreRefusedInPathsAndContentWhilePairsWork() throws IOException {
        AgentCalls agent = agent();
        for (String method : List.of("read", "stat", "list")) {
            assertFails(agent, method, path("k\ud800.txt"), "EILSEQ", "path \"k\ufffd.txt\" contains a lone surrogate (\\ud800) at index 1");
        }
        assertFails(agent, "write", write("k\udc00", "x"), "EILSEQ", "toWellFormed()");
        assertFails(agent, "write", write("k.txt", "ab\ud800"), "EILSEQ", "files.write: input.content contains a lone surrogate");
        assertThat(root.resolve("k.txt")).doesNotExist();

        assertThat(agent.call("write", write("emoji-\ud83d\ude00.txt", "\ud83d\ude00")).path("size").asInt()).isEqualTo(4);
        assertThat(agent.call("read", path("emoji-\ud83d\ude00.txt")).asString()).isEqualTo("\ud83d\ude00");
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Path fifo = root.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertFails(agent(), "read", path("pipe"), "EINVAL", "\"pipe\" is not a regular file");
    }
}
