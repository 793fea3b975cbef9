package dev.paddock.capability.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.files.FilesCapability.PathInput;
import dev.paddock.capability.files.FilesCapability.WriteInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(writable.write(new WriteInput("data/out.txt", "héllo")).size()).isEqualTo(6);
        assertThat(Files.readString(root.resolve("data/out.txt"))).isEqualTo("héllo");

        Files.createSymbolicLink(root.resolve("data/link.txt"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> writable.write(new WriteInput("data/link.txt", "pwned")))
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("top secret");

        Files.createSymbolicLink(root.resolve("out-dir"), outside);
        assertThatThrownBy(() -> writable.write(new WriteInput("out-dir/new.txt", "pwned")))
                .hasMessageContaining("outside");
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThatThrownBy(() -> writable.write(new WriteInput("../outside/new.txt", "pwned")))
                .hasMessageContaining("'..'");
    }

    @Test
    void capsSizesWithAClearMessage() throws IOException {
        WritableFiles small = new WritableFiles(new FilesCapability.Settings(root, 10, 10, 1));
        assertThatThrownBy(() -> small.read(new PathInput("data/sales.csv"))).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> small.write(new WriteInput("big.txt", "0123456789ABC"))).hasMessageContaining("at most 10");
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
}
