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
            default -> osReason(failure) == null ? "EIO" : CODES.getOrDefault(osReason(failure), "EIO");
        };
    }

    /**
     * The OS's reason in lower case: a file-system exception's reason, or the message of a plain
     * IOException (a failed read says just "Is a directory") only when it is exactly a known reason,
     * since other messages may hold paths.
     */
    private static String osReason(IOException failure) {
        if (failure instanceof FileSystemException e) {
            return e.getReason() == null ? null : e.getReason().toLowerCase(Locale.ROOT);
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        return CODES.containsKey(message) ? message : null;
    }

    private static String reason(String code, IOException failure) {
        return switch (code) {
            case "ENOENT" -> "no such file or folder";
            case "EACCES" -> "permission denied on the host";
            case "ENOTDIR" -> "a part of the path is a file, not a folder";
            case "EEXIST" -> "it already exists";
            case "ENOTEMPTY" -> "the folder is not empty";
            case "ELOOP" -> "too many levels of symbolic links";
            default -> osReason(failure) == null ? "input/output error on the host" : osReason(failure);
        };
    }
}
