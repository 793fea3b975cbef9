package dev.paddock.capability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a file so that after a crash (even {@code kill -9} or power loss right after returning) it
 * holds either the old or the new bytes: write a temp file beside it, fsync, rename over, fsync the folder.
 *
 * <p>Each write gets its own temp file, {@link #TEMP_PREFIX} plus random hex, created only if no file of
 * that name exists: concurrent writes to one target never share a temp file, a temp file never replaces
 * or deletes someone else's file, and its short fixed-length name fits wherever the target's name fits.
 * Callers hide and reserve names with this prefix.
 */
public final class AtomicWrite {
    public static final String TEMP_PREFIX = ".paddock-tmp-";
    /** The longest temp file name, so callers can keep room for it in a path. */
    public static final int TEMP_NAME_BYTES = TEMP_PREFIX.length() + 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private AtomicWrite() {}

    public static boolean isTempName(String fileName) {
        return fileName.startsWith(TEMP_PREFIX);
    }

    /**
     * @param beforeCommit runs after the new bytes are durable and before they replace the old ones; if it
     *                     throws, the target is left as it was
     */
    public static void replace(Path target, byte[] bytes, Runnable beforeCommit) throws IOException {
        Path dir = target.getParent();
        Path temp = createTemp(dir);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            beforeCommit.run();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes a rename or delete in {@code dir} durable. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static Path createTemp(Path dir) throws IOException {
        while (true) {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            try {
                return Files.createFile(dir.resolve(TEMP_PREFIX + HEX.formatHex(random)));
            } catch (FileAlreadyExistsException e) {
                // 64 random bits met a file already there: draw again rather than touch it
            }
        }
    }
}
