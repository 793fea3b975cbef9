package dev.paddock.capability.state;

import dev.paddock.capability.AtomicWrite;
import dev.paddock.capability.IoFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * State of one profile that survives restarts: one file per key, named by the key's UTF-8 bytes in hex
 * (so any key is a safe file name), each replaced atomically so a crash leaves the old or the new value.
 *
 * <p>Every session of a profile opens the same folder, so there is one store per folder in the process:
 * its lock and its {@link StateUsage}, read from the folder when first opened, cover all of them.
 */
final class DirectoryStateStore implements StateStore {
    private static final String SUFFIX = ".json";
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<Path, DirectoryStateStore> OPEN = new ConcurrentHashMap<>();

    private final Path dir;
    private final StateUsage usage = new StateUsage();

    private DirectoryStateStore(Path dir) {
        this.dir = dir;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String key = keyOf(file);
                if (key != null && Files.isRegularFile(file)) usage.stored(key, Files.size(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state folder " + dir, e);
        } catch (DirectoryIteratorException e) {
            throw new UncheckedIOException("cannot read state folder " + dir, e.getCause());
        }
    }

    /** The store of {@code dir}, shared by everyone in this process who opens the same folder. */
    static DirectoryStateStore open(Path dir) {
        Path real;
        try {
            real = Files.createDirectories(dir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state folder " + dir, e);
        }
        return OPEN.computeIfAbsent(real, DirectoryStateStore::new);
    }

    @Override
    public Optional<JsonNode> get(String key) {
        try {
            return Optional.of(StateCapability.parse(Files.readAllBytes(file(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoFailure.of("cannot read state key " + StateCapability.quoted(key), e);
        }
    }

    @Override
    public synchronized void set(String key, byte[] json, StateCapability.Limits limits) {
        usage.admit(key, json.length, limits);
        try {
            AtomicWrite.replace(file(key), json);
        } catch (IOException e) {
            throw IoFailure.of("cannot store state key " + StateCapability.quoted(key), e);
        }
        usage.stored(key, json.length);
    }

    @Override
    public synchronized boolean delete(String key) {
        try {
            boolean deleted = Files.deleteIfExists(file(key));
            usage.removed(key);
            if (deleted) AtomicWrite.syncDirectory(dir);
            return deleted;
        } catch (IOException e) {
            throw IoFailure.of("cannot delete state key " + StateCapability.quoted(key), e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        return usage.keys(prefix);
    }

    private Path file(String key) {
        return dir.resolve(HEX.formatHex(key.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
    }

    /** The key a file stands for, or null for files that are not ours (temp files, strays). */
    private static String keyOf(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) return null;
        String hex = name.substring(0, name.length() - SUFFIX.length());
        try {
            String key = new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
            // Bytes that are not UTF-8 decode to some other key: such a file is not one we wrote.
            return HEX.formatHex(key.getBytes(StandardCharsets.UTF_8)).equals(hex) ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
