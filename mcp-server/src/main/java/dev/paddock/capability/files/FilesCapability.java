package dev.paddock.capability.files;

import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.IoFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in {@code files} capability: a folder the agent may list and read. Its public methods are exactly
 * the declared ones; {@link WritableFiles} adds {@code write} for roots configured as writable.
 */
public class FilesCapability {
    public static final String NAMESPACE = "files";

    public record Settings(Path root, long maxReadBytes, long maxWriteBytes, int maxListEntries) {
        public static Settings of(Path root) {
            return new Settings(root, 10L << 20, 10L << 20, 10_000);
        }
    }

    public record PathInput(String path) {}

    public record WriteInput(String path, String content) {}

    public record Entry(String name, String type, long size) {}

    public record Stat(String path, String type, long size, String modified) {}

    public record Written(String path, long size) {}

    public record Bytes(String base64, long size) {}

    final FileRoot root;
    final Settings settings;

    public FilesCapability(Settings settings) {
        this.settings = settings;
        this.root = new FileRoot(settings.root());
    }

    /** The TypeScript declarations the model reads; {@code write} only when the root is writable. */
    static String declarations(boolean writable) {
        String write = writable
                ? """
                  /** Writes a UTF-8 text file, replacing it atomically; creates no folders. @returns its size in bytes. */
                  write(input: { path: string; content: string }): Promise<{ path: string; size: number }>;
                """
                : "";
        return """
                /** Files under one folder on the host. Paths are relative to that folder and use '/', e.g. "data/sales.csv"; "" is the folder itself. */
                export interface Files {
                  /** Lists a folder, sorted by name. */
                  list(input: { path?: string }): Promise<{ name: string; type: "file" | "directory" | "other"; size: number }[]>;
                  /** Reads a UTF-8 text file and returns its content. */
                  read(input: { path: string }): Promise<string>;
                  /** Reads any file as base64. */
                  readBytes(input: { path: string }): Promise<{ base64: string; size: number }>;
                  /** Type, size in bytes and last-modified time (ISO 8601) of a file or folder. */
                  stat(input: { path: string }): Promise<{ path: string; type: "file" | "directory" | "other"; size: number; modified: string }>;
                %s}
                """.formatted(write);
    }

    public List<Entry> list(PathInput input) {
        Path dir = root.existing(input.path());
        if (!Files.isDirectory(dir)) {
            throw new CapabilityException("ENOTDIR", FileRoot.display(input.path()) + " is a file, not a folder; use files.read");
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, FileRoot::visible)) {
            for (Path child : children) {
                if (entries.size() >= settings.maxListEntries()) {
                    throw new CapabilityException("EFBIG", FileRoot.display(input.path()) + " has more than "
                            + settings.maxListEntries() + " entries; list a narrower folder");
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // removed while we listed
                }
                entries.add(new Entry(child.getFileName().toString(), type(attrs), attrs.isRegularFile() ? attrs.size() : 0));
            }
        } catch (IOException e) {
            throw IoFailure.of("cannot list " + FileRoot.display(input.path()), e);
        } catch (DirectoryIteratorException e) {
            throw IoFailure.of("cannot list " + FileRoot.display(input.path()), e.getCause());
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    public String read(PathInput input) {
        byte[] bytes = readFile(input.path());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CapabilityException("EILSEQ", FileRoot.display(input.path())
                    + " is not UTF-8 text; use files.readBytes for binary files");
        }
    }

    public Bytes readBytes(PathInput input) {
        byte[] bytes = readFile(input.path());
        return new Bytes(Base64.getEncoder().encodeToString(bytes), bytes.length);
    }

    public Stat stat(PathInput input) {
        Path path = root.existing(input.path());
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stat(root.relative(path), type(attrs), attrs.isRegularFile() ? attrs.size() : 0,
                    attrs.lastModifiedTime().toInstant().toString());
        } catch (IOException e) {
            throw IoFailure.of("cannot stat " + FileRoot.display(input.path()), e);
        }
    }

    private byte[] readFile(String agentPath) {
        Path path = root.existing(agentPath);
        if (Files.isDirectory(path)) {
            throw new CapabilityException("EISDIR", FileRoot.display(agentPath) + " is a folder; use files.list");
        }
        if (!Files.isRegularFile(path)) {
            throw new CapabilityException("EINVAL", FileRoot.display(agentPath)
                    + " is not a regular file (a device, pipe or socket); only regular files can be read");
        }
        // Read at most one byte past the limit: the file may grow after any size check.
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(settings.maxReadBytes() + 1, Integer.MAX_VALUE - 8)));
            if (bytes.length > settings.maxReadBytes()) {
                throw new CapabilityException("EFBIG", FileRoot.display(agentPath) + " is " + Math.max(Files.size(path), bytes.length)
                        + " bytes; files.read returns at most " + settings.maxReadBytes());
            }
            return bytes;
        } catch (IOException e) {
            throw IoFailure.of("cannot read " + FileRoot.display(agentPath), e);
        }
    }

    private static String type(BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) return "file";
        if (attrs.isDirectory()) return "directory";
        return "other";
    }
}
