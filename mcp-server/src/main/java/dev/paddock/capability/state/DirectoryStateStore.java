package dev.paddock.capability.state;

import dev.paddock.capability.AtomicWrite;
import dev.paddock.capability.CapabilityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * State of one profile that survives restarts: one file per key, named by the key's UTF-8 bytes in hex
 * (so any key is a safe file name), each replaced atomically so a crash leaves the old or the new value.
 */
final class DirectoryStateStore implements StateStore {
    private static final String SUFFIX = ".json";
    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;
    private static final JsonMapper JSON = JsonMapper.shared();

    DirectoryStateStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state folder " + dir, e);
        }
    }

    @Override
    public Optional<JsonNode> get(String key) {
        try {
            return Optional.of(JSON.readTree(Files.readAllBytes(file(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CapabilityException("EIO", "cannot read state key " + key + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void set(String key, JsonNode value, byte[] serialized) {
        try {
            AtomicWrite.replace(file(key), serialized);
        } catch (IOException e) {
            throw new CapabilityException("EIO", "cannot store state key " + key + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized boolean delete(String key) {
        try {
            boolean deleted = Files.deleteIfExists(file(key));
            if (deleted) AtomicWrite.syncDirectory(dir);
            return deleted;
        } catch (IOException e) {
            throw new CapabilityException("EIO", "cannot delete state key " + key + ": " + e.getMessage());
        }
    }

    @Override
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (Path file : files()) {
            String key = keyOf(file);
            if (key != null && key.startsWith(prefix)) keys.add(key);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public long bytesExcept(String exceptKey) {
        long total = 0;
        for (Path file : files()) {
            String key = keyOf(file);
            if (key == null || key.equals(exceptKey)) continue;
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // deleted meanwhile: it no longer counts
            }
        }
        return total;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new CapabilityException("EIO", "cannot list state folder: " + e.getMessage());
        }
        return files;
    }

    private Path file(String key) {
        return dir.resolve(HEX.formatHex(key.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
    }

    /** The key a file stands for, or null for files that are not ours (temp files, strays). */
    private static String keyOf(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) return null;
        try {
            return new String(HEX.parseHex(name.substring(0, name.length() - SUFFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
