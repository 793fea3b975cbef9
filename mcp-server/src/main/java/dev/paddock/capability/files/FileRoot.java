package dev.paddock.capability.files;

import dev.paddock.capability.CapabilityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;

/**
 * The one place where an agent's path becomes a real path. Agent paths are relative, '/'-separated
 * and may not leave the root: no absolute paths, no '..', no backslashes or control characters, and
 * symbolic links are followed only when their target stays under the root.
 */
final class FileRoot {
    private final Path root;

    FileRoot(Path configured) {
        try {
            this.root = configured.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("files root " + configured + " does not exist or cannot be read", e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("files root " + configured + " is not a directory");
        }
    }

    Path root() {
        return root;
    }

    /** The real path of an existing file or folder under the root. */
    Path existing(String agentPath) {
        Path lexical = lexical(agentPath);
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            throw new CapabilityException("ENOENT", "no such file or folder: " + display(agentPath));
        } catch (IOException e) {
            throw new CapabilityException("EIO", "cannot access " + display(agentPath) + ": " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new CapabilityException("EACCES", display(agentPath)
                    + " is a symbolic link that points outside the files root; only paths under the root are allowed");
        }
        return real;
    }

    /**
     * Where a write to {@code agentPath} goes: its parent must resolve inside the root, and the file itself
     * must not be a symbolic link (a link could redirect the write outside).
     */
    Path forWrite(String agentPath) {
        Path lexical = lexical(agentPath);
        if (lexical.equals(root)) {
            throw new CapabilityException("EISDIR", "cannot write to the root folder itself; give a file path");
        }
        Path parent = existing(relativeParent(agentPath));
        if (!Files.isDirectory(parent)) {
            throw new CapabilityException("ENOTDIR", "the parent of " + display(agentPath) + " is not a folder");
        }
        Path target = parent.resolve(lexical.getFileName().toString());
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

    private Path lexical(String agentPath) {
        String path = Normalizer.normalize(agentPath == null ? "" : agentPath, Normalizer.Form.NFC);
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
        Path resolved = root;
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                throw new CapabilityException("EACCES", "path " + display(agentPath)
                        + " uses '..'; paths may not leave the files root");
            }
            resolved = resolved.resolve(segment);
        }
        return resolved;
    }

    private static String relativeParent(String agentPath) {
        String trimmed = agentPath.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? "" : trimmed.substring(0, slash);
    }

    static String display(String agentPath) {
        return '"' + (agentPath == null ? "" : agentPath) + '"';
    }
}
