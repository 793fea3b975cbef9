package dev.paddock.tooldefs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-written declaration files under src/test/resources/corpus. */
final class Corpus {

    private Corpus() {}

    static Path directory() {
        try {
            return Path.of(Corpus.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source directory, where {@code -Dcorpus.update=true} writes refreshed expectations. */
    static Path sourceDirectory() {
        return Path.of("src/test/resources/corpus");
    }

    static List<Path> declarationFiles() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.toString().endsWith(".d.ts")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String namespace(Path file) {
        return ToolDefsCommands.defaultNamespace(file);
    }
}
