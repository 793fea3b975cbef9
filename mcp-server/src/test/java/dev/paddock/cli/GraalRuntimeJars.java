package dev.paddock.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A small stand-in for paddock.jar: its manifest and the GraalJS runtime jar it carries, with these files. */
final class GraalRuntimeJars {
    private GraalRuntimeJars() {}

    static Path paddockJar(Path folder, Map<String, String> runtimeFiles) throws IOException {
        var nested = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(nested)) {
            for (var file : runtimeFiles.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(GraalRuntimeCache.VERSION_ATTRIBUTE, "25.0.3");
        Path jar = folder.resolve("paddock.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new ZipEntry(GraalRuntimeCache.ENTRY));
            jarOut.write(nested.toByteArray());
            jarOut.closeEntry();
        }
        return jar;
    }

    static Path paddockJar(Path folder) throws IOException {
        return paddockJar(folder, Map.of("modules/polyglot-25.0.3.jar", "polyglot", "jvmci/compiler.jar", "compiler"));
    }
}
