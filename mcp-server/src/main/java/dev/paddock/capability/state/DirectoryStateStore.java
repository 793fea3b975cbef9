package dev.paddock.capability.state;

import dev.paddock.capability.AtomicWrite;
import dev.paddock.capability.IoFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
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
 * its lock and its {@link StateUsage} cover all of them. Other processes (one per stdio client) may share
 * the folder too: each change is made under a lock on {@value #GENERATION}, after writing a fresh token
 * into it, and a store that finds a token it did not write reads the folder's usage again.
 */
final class DirectoryStateStore implements StateStore {
    private static final String SUFFIX = ".json";
    private static final String GENERATION = ".generation";
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Path, DirectoryStateStore> OPEN = new ConcurrentHashMap<>();

    private final Path dir;
    /**
     * The token's file and the lock between processes, kept open: closing any channel to it would drop
     * this process's lock. Reopened when an interrupt closed it (one call fails, the store goes on).
     */
    private FileChannel generation;
    private StateUsage usage;
    /** The token as this store last saw or wrote it; another one means another process changed the folder. */
    private long seen;

    private DirectoryStateStore(Path dir) {
        this.dir = dir;
        try (FileLock lock = generation().lock()) {
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state folder " + dir, e);
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
    public synchronized void set(String key, byte[] json, StateCapability.Limits limits, Runnable beforeCommit) {
        try (FileLock lock = generation().lock()) {
            refreshIfChanged();
            usage.admit(key, json.length, limits);
            long token = newToken();
            AtomicWrite.replace(file(key), json, beforeCommit);
            usage.stored(key, json.length);
            seen = token;
        } catch (IOException e) {
            throw IoFailure.of("cannot store state key " + StateCapability.quoted(key), e);
        }
    }

    @Override
    public synchronized boolean delete(String key, Runnable beforeCommit) {
        try (FileLock lock = generation().lock()) {
            refreshIfChanged();
            beforeCommit.run();
            long token = newToken();
            boolean deleted = Files.deleteIfExists(file(key));
            usage.removed(key);
            if (deleted) AtomicWrite.syncDirectory(dir);
            seen = token;
            return deleted;
        } catch (IOException e) {
            throw IoFailure.of("cannot delete state key " + StateCapability.quoted(key), e);
        }
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        try (FileLock lock = generation().lock()) {
            refreshIfChanged();
        } catch (IOException e) {
            throw IoFailure.of("cannot list state keys", e);
        }
        return usage.keys(prefix);
    }

    private FileChannel generation() throws IOException {
        if (generation == null || !generation.isOpen()) {
            generation = FileChannel.open(dir.resolve(GENERATION), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        return generation;
    }

    /** Under both locks: reads the folder's usage again when another process changed it. */
    private void refreshIfChanged() throws IOException {
        if (token() != seen) refresh();
    }

    private void refresh() throws IOException {
        long token = token();
        StateUsage read = new StateUsage();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String key = keyOf(file);
                if (key == null) continue;
                try {
                    if (Files.isRegularFile(file)) read.stored(key, Files.size(file));
                } catch (NoSuchFileException e) {
                    // deleted meanwhile by a writer that does not take the lock: it no longer counts
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        usage = read;
        seen = token;
    }

    /** Under both locks, before a change: marks the folder as changed by this store. */
    private long newToken() throws IOException {
        long token = RANDOM.nextLong();
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES).putLong(0, token);
        while (bytes.hasRemaining()) generation.write(bytes, bytes.position());
        return token;
    }

    private long token() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES);
        while (bytes.hasRemaining() && generation.read(bytes, bytes.position()) > 0) {
            // a short read continues where it stopped
        }
        return bytes.hasRemaining() ? 0 : bytes.getLong(0);
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
