package dev.paddock.config;

import dev.paddock.sandbox.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings in {@code paddock.json}. Relative paths inside the file mean paths next to the file, not
 * next to wherever Paddock happened to be started, so {@link #resolve} is the only way to read one.
 *
 * @param limits  per-execution limits
 * @param baseDir the directory relative paths in the file resolve against
 */
public record PaddockConfig(Limits limits, Path baseDir) {

    /** No file: default limits, paths relative to the working directory. */
    public static PaddockConfig defaults() {
        return new PaddockConfig(Limits.DEFAULTS, Path.of("").toAbsolutePath());
    }

    public static PaddockConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file (" + e + ")");
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return new ConfigReader(file.getFileName().toString(), text).read(dir);
    }

    /** A path written in the config file, made absolute against the file's own directory. */
    public Path resolve(String pathInConfig) {
        return baseDir.resolve(pathInConfig).normalize();
    }
}
