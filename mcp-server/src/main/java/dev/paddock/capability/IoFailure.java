package dev.paddock.capability;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a file-system failure into an agent-facing error. The JDK puts the absolute host path into an
 * {@link IOException}'s message, so the message is never used: the error is what the caller was doing
 * (in the agent's own terms) and the operating system's reason alone.
 */
public final class IoFailure {
    /** The operating system's reason (strerror text, as the JDK reports it) → errno name. */
    private static final Map<String, String> CODES = Map.of(
            "not a directory", "ENOTDIR",
            "is a directory", "EISDIR",
            "file name too long", "ENAMETOOLONG",
            "no space left on device", "ENOSPC",
            "disk quota exceeded", "EDQUOT",
            "read-only file system", "EROFS",
            "permission denied", "EACCES",
            "operation not permitted", "EPERM",
            "too many levels of symbolic links", "ELOOP",
            "too many open files", "EMFILE");

    private IoFailure() {}

    /** {@code doing} says what failed, e.g. {@code cannot read "data/x.csv"}; it must name no host path. */
    public static CapabilityException of(String doing, IOException failure) {
        String code = code(failure);
        return new CapabilityException(code, doing + ": " + reason(code, failure));
    }

    private static String code(IOException failure) {
        return switch (failure) {
            case NoSuchFileException e -> "ENOENT";
            case AccessDeniedException e -> "EACCES";
            case NotDirectoryException e -> "ENOTDIR";
            case FileAlreadyExistsException e -> "EEXIST";
            case DirectoryNotEmptyException e -> "ENOTEMPTY";
            case FileSystemLoopException e -> "ELOOP";
            case FileSystemException e when e.getReason() != null ->
                    CODES.getOrDefault(e.getReason().toLowerCase(Locale.ROOT), "EIO");
            default -> "EIO";
        };
    }

    private static String reason(String code, IOException failure) {
        return switch (code) {
            case "ENOENT" -> "no such file or folder";
            case "EACCES" -> "permission denied on the host";
            case "ENOTDIR" -> "a part of the path is a file, not a folder";
            case "EEXIST" -> "it already exists";
            case "ENOTEMPTY" -> "the folder is not empty";
            case "ELOOP" -> "too many levels of symbolic links";
            default -> failure instanceof FileSystemException e && e.getReason() != null
                    ? e.getReason().toLowerCase(Locale.ROOT)
                    : "input/output error on the host";
        };
    }
}
