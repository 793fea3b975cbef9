package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the GraalJS jars paddock.jar carries into the cache folder, once, whoever starts first. */
class GraalRuntimeCacheTest {
    @TempDir
    Path dir;

    @Test
    void unpacksOnceIntoAFolderNamedByTheCarriedJarAndReusesIt() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(dir);
        Map<String, String> env = Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString());
        GraalRuntimeCache first = GraalRuntimeCache.of(jar, env);
        assertThat(first.folder().getParent()).isEqualTo(dir.resolve("cache"));
        assertThat(first.folder().getFileName().toString()).startsWith("graal-25.0.3-");
        assertThat(first.modules().resolve("polyglot-25.0.3.jar")).hasContent("polyglot");
        assertThat(first.compiler()).hasContent("compiler");
        Files.writeString(first.compiler(), "kept");
        assertThat(GraalRuntimeCache.of(jar, env)).isEqualTo(first);
        assertThat(first.compiler()).as("the second start reused the folder").hasContent("kept");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files).as("no partial folder left").containsExactly(first.folder());
        }
    }

    @Test
    void anotherBuildOfTheJarGetsAFolderOfItsOwn() throws Exception {
        Path one = GraalRuntimeJars.paddockJar(Files.createDirectory(dir.resolve("one")));
        Path other = GraalRuntimeJars.paddockJar(Files.createDirectory(dir.resolve("other")),
                Map.of("modules/polyglot-25.0.3.jar", "another polyglot", "jvmci/compiler.jar", "compiler"));
        Map<String, String> env = Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString());
        assertThat(GraalRuntimeCache.of(one, env).folder()).isNotEqualTo(GraalRuntimeCache.of(other, env).folder());
    }

    @Test
    void jvmsStartingAtOnceAllGetTheWholeFolder() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(dir);
        Map<String, String> env = Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<GraalRuntimeCache>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) starts.add(() -> GraalRuntimeCache.of(jar, env));
            for (Future<GraalRuntimeCache> start : pool.invokeAll(starts)) {
                assertThat(start.get().compiler()).hasContent("compiler");
                assertThat(start.get().modules().resolve("polyglot-25.0.3.jar")).hasContent("polyglot");
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aCacheFolderThatCannotBeWrittenIsNamedWithWhatToDo() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(dir);
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> GraalRuntimeCache.of(jar, Map.of("PADDOCK_CACHE_DIR", notAFolder.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot unpack GraalJS from " + jar)
                .hasMessageContaining("set PADDOCK_CACHE_DIR to a folder this user can write");
    }

    @Test
    void aFileNamedOutsideItsFolderIsRefused() throws Exception {
        Path jar = GraalRuntimeJars.paddockJar(dir, Map.of("modules/../../escaped.jar", "x"));
        assertThatThrownBy(() -> GraalRuntimeCache.of(jar, Map.of("PADDOCK_CACHE_DIR", dir.resolve("cache").toString())))
                .hasMessageContaining("names a file outside its folder: modules/../../escaped.jar");
        assertThat(dir.resolve("escaped.jar")).doesNotExist();
    }

    @Test
    void theCacheIsTheUsersUnlessPaddockCacheDirSaysOtherwise() {
        assertThat(GraalRuntimeCache.candidates(Map.of("HOME", "/home/ana")).findFirst()).contains(Path.of("/home/ana/.cache/paddock"));
        assertThat(GraalRuntimeCache.candidates(Map.of("HOME", "/home/ana", "XDG_CACHE_HOME", "/var/cache/ana")).findFirst())
                .contains(Path.of("/var/cache/ana/paddock"));
        assertThat(GraalRuntimeCache.candidates(Map.of("HOME", "/home/ana", "PADDOCK_CACHE_DIR", "/srv/paddock")).toList())
                .containsExactly(Path.of("/srv/paddock"));
        assertThat(GraalRuntimeCache.candidates(Map.of()).toList()).as("without a home, the temporary folder")
                .containsExactly(Path.of(System.getProperty("java.io.tmpdir"), "paddock-" + System.getProperty("user.name")));
    }
}
