package dev.paddock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The GraalJS module jars and the Graal compiler that paddock.jar carries as one stored jar
 * ({@value #ENTRY}), unpacked once into a cache folder so a JVM can put them on its module path. The folder
 * is named by the carried jar's CRC, so a rebuilt jar with other libraries gets its own and an unchanged one
 * is reused wherever paddock.jar was copied. Unpacking goes to a private folder first and is renamed into
 * place, so JVMs starting at once never see half a folder.
 *
 * @param folder  the unpacked jars: {@code modules/} and {@code jvmci/compiler.jar}
 * @param version the GraalJS version they are, from paddock.jar's manifest
 */
record GraalRuntimeCache(Path folder, String version) {
    static final String ENTRY = "META-INF/paddock/graal-runtime.jar";
    static final String VERSION_ATTRIBUTE = "Paddock-GraalVM-Version";

    /**
     * The unpacked runtime of {@code paddock}, unpacking it on first use.
     *
     * @param environment where PADDOCK_CACHE_DIR, XDG_CACHE_HOME and HOME come from
     * @throws IllegalStateException saying what to do, when no cache folder can be written
     */
    static GraalRuntimeCache of(Path paddock, Map<String, String> environment) throws IOException {
        try (JarFile jar = new JarFile(paddock.toFile())) {
            ZipEntry entry = jar.getEntry(ENTRY);
            Manifest manifest = jar.getManifest();
            String graalVersion = manifest == null ? null : manifest.getMainAttributes().getValue(VERSION_ATTRIBUTE);
            if (entry == null || graalVersion == null) {
                throw new IllegalStateException(paddock + " lacks " + (entry == null ? ENTRY : VERSION_ATTRIBUTE + " in its manifest")
                        + ": rebuild it with `mvn package`");
            }
            String name = "graal-" + graalVersion + "-" + Long.toHexString(entry.getCrc());
            IOException last = null;
            for (Path base : candidates(environment).toList()) {
                Path folder = base.resolve(name);
                try {
                    if (!Files.isDirectory(folder)) unpack(jar, entry, folder);
                    return new GraalRuntimeCache(folder, graalVersion);
                } catch (IOException e) {
                    last = e;
                }
            }
            throw new IllegalStateException("cannot unpack GraalJS from " + paddock + " into a cache folder (" + last
                    + "); set PADDOCK_CACHE_DIR to a folder this user can write");
        }
    }

    /** The folder for {@code --module-path}. */
    Path modules() {
        return folder.resolve("modules");
    }

    /** The Graal compiler jar for {@code --upgrade-module-path}. */
    Path compiler() {
        return folder.resolve("jvmci").resolve("compiler.jar");
    }

    /** The configured cache folder if any, else the user's cache folder, then the temporary folder. */
    static Stream<Path> candidates(Map<String, String> environment) {
        String explicit = environment.get("PADDOCK_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) return Stream.of(Path.of(explicit));
        String xdg = environment.get("XDG_CACHE_HOME");
        String home = environment.get("HOME");
        Optional<Path> user = xdg != null && !xdg.isBlank() ? Optional.of(Path.of(xdg, "paddock"))
                : Optional.ofNullable(home).filter(h -> !h.isBlank()).map(h -> Path.of(h, ".cache", "paddock"));
        Path temp = Path.of(System.getProperty("java.io.tmpdir"), "paddock-" + System.getProperty("user.name", "user"));
        return Stream.concat(user.stream(), Stream.of(temp));
    }

    private static void unpack(JarFile jar, ZipEntry entry, Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        Path partial = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".partial-");
        try {
            try (InputStream in = jar.getInputStream(entry); ZipInputStream nested = new ZipInputStream(in)) {
                for (ZipEntry file = nested.getNextEntry(); file != null; file = nested.getNextEntry()) {
                    if (file.isDirectory() || !file.getName().endsWith(".jar")) continue;
                    Path target = partial.resolve(file.getName()).normalize();
                    if (!target.startsWith(partial)) throw new IOException(ENTRY + " names a file outside its folder: " + file.getName());
                    Files.createDirectories(target.getParent());
                    Files.copy(nested, target);
                }
            }
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another JVM unpacked the same libraries first (the rename then fails, in words that vary by
                // file system): use its folder.
                if (!Files.isDirectory(folder)) throw e;
            }
        } finally {
            deleteTree(partial);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover partial folder costs disk only; the next start unpacks into a new one.
        }
    }
}
