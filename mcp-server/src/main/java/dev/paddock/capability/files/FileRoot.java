package dev.paddock.capability.files;

import dev.paddock.capability.AtomicWrite;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.IoFailure;
import dev.paddock.capability.WellFormedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where an agent's path becomes a real path. Agent paths are relative, '/'-separated
 * and may not leave the root: no absolute paths, no '..', no backslashes, control characters or lone
 * surrogates, no names reserved for Paddock's unfinished writes, and symbolic links are followed only
 * when their target stays under the root. Errors name the agent's path, never the host's.
 */
final class FileRoot {
    /** NAME_MAX of Linux file systems. */
    static final int MAX_NAME_BYTES = 255;
    /** PATH_MAX of Linux, less its terminating NUL. */
    private static final int MAX_HOST_PATH_BYTES = 4095;
    private static final int MAX_SHOWN_CHARS = 120;

    private final Path root;
    /** What is left of PATH_MAX under this root, keeping room for a temp file beside the deepest file. */
    private final int maxPathBytes;

    FileRoot(Path configured) {
        try {
            this.root = configured.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("files root " + configured + " does not exist or cannot be read", e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("files root " + configured + " is not a directory");
        }
        this.maxPathBytes = MAX_HOST_PATH_BYTES - root.toString().getBytes(StandardCharsets.UTF_8).length - 1
                - AtomicWrite.TEMP_NAME_BYTES;
    }

    /** The real path of an existing file or folder under the root. */
    Path existing(String agentPath) {
        return existing(agentPath, resolve(names(agentPath)));
    }

    /**
     * Where a write to {@code agentPath} goes: its parent must resolve inside the root, and the file itself
     * must not be a symbolic link (a link could redirect the write outside).
     */
    Path forWrite(String agentPath) {
        List<String> names = names(agentPath);
        if (names.isEmpty()) {
            throw new CapabilityException("EISDIR", "cannot write to the root folder itself; give a file path");
        }
        String last = agentPath.substring(agentPath.lastIndexOf('/') + 1);
        if (last.isEmpty() || last.equals(".")) {
            throw new CapabilityException("EINVAL", "path " + display(agentPath)
                    + " does not end in a file name; put the file's name last, e.g. \"data/report.txt\"");
        }
        String parentPath = agentPath.substring(0, Math.max(agentPath.lastIndexOf('/'), 0));
        Path parent = existing(parentPath, resolve(names.subList(0, names.size() - 1)));
        if (!Files.isDirectory(parent)) {
            throw new CapabilityException("ENOTDIR", "the parent of " + display(agentPath) + " is not a folder");
        }
        Path target = parent.resolve(names.getLast());
        if (Files.isSymbolicLink(target)) {
            throw new CapabilityException("EACCES", display(agentPath) + " is a symbolic link; writing through links is not allowed");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CapabilityException("EISDIR", display(agentPath) + " is a folder; give a file path");
        }
        return target;
    }

    /** The agent-visible path of a real path under the root ("" for the root). */
    String relative(Path real) {
        return root.relativize(real).toString();
    }

    /** Whether a folder entry is shown to the agent: Paddock's unfinished writes are not. */
    static boolean visible(Path entry) {
        return !AtomicWrite.isTempName(entry.getFileName().toString());
    }

    private Path existing(String agentPath, Path lexical) {
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            throw new CapabilityException("ENOENT", "no such file or folder: " + display(agentPath));
        } catch (IOException e) {
            throw IoFailure.of("cannot access " + display(agentPath), e);
        }
        if (!real.startsWith(root)) {
            throw new CapabilityException("EACCES", display(agentPath)
                    + " is a symbolic link that points outside the files root; only paths under the root are allowed");
        }
        return real;
    }

    private Path resolve(List<String> names) {
        Path resolved = root;
        for (String name : names) resolved = resolved.resolve(name);
        return resolved;
    }

    /** The names along {@code agentPath}, checked; empty for the root. */
    private List<String> names(String agentPath) {
        String raw = agentPath == null ? "" : agentPath;
        WellFormedText.requireWellFormed(raw, "path " + display(raw));
        String path = Normalizer.normalize(raw, Normalizer.Form.NFC);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new CapabilityException("EINVAL", "path " + display(agentPath) + " contains a control character");
            }
            if (c == '\\') {
                throw new CapabilityException("EINVAL", "path " + display(agentPath) + " contains a backslash; use '/' between folders");
            }
        }
        if (path.startsWith("/") || path.startsWith("~")) {
            throw new CapabilityException("EACCES", "path " + display(agentPath)
                    + " is absolute; paths are relative to the files root, e.g. \"data/report.csv\"");
        }
        List<String> names = new ArrayList<>();
        int bytes = 0;
        for (String name : path.split("/")) {
            if (name.isEmpty() || name.equals(".")) continue;
            if (name.equals("..")) {
                throw new CapabilityException("EACCES", "path " + display(agentPath)
                        + " uses '..'; paths may not leave the files root");
            }
            if (AtomicWrite.isTempName(name)) {
                throw new CapabilityException("EACCES", "path " + display(agentPath) + " uses a name starting with \""
                        + AtomicWrite.TEMP_PREFIX + "\", which Paddock reserves for unfinished writes; choose another name");
            }
            int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes > MAX_NAME_BYTES) {
                throw new CapabilityException("ENAMETOOLONG", "path " + display(agentPath) + " has a name of " + nameBytes
                        + " bytes of UTF-8; file and folder names may have at most " + MAX_NAME_BYTES);
            }
            bytes += (names.isEmpty() ? 0 : 1) + nameBytes;
            names.add(name);
        }
        if (bytes > maxPathBytes) {
            throw new CapabilityException("ENAMETOOLONG", "path " + display(agentPath) + " is " + bytes
                    + " bytes of UTF-8; paths under this files root may have at most " + maxPathBytes);
        }
        return names;
    }

    /** The agent's path quoted for an error, shortened when long so errors stay readable. */
    static String display(String agentPath) {
        String path = agentPath == null ? "" : agentPath;
        if (path.length() > MAX_SHOWN_CHARS) {
            int end = Character.isHighSurrogate(path.charAt(MAX_SHOWN_CHARS - 1)) ? MAX_SHOWN_CHARS - 1 : MAX_SHOWN_CHARS;
            return '"' + WellFormedText.shown(path.substring(0, end)) + "…\" (" + path.length() + " characters)";
        }
        return '"' + WellFormedText.shown(path) + '"';
    }
}
