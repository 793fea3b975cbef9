package dev.paddock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file argument that may be {@code -} for standard input, read as UTF-8 text. */
record InputFile(String name, String text) {
    static final String STDIN = "-";

    /** The input, or null after telling {@code err} in one line why it cannot be read. */
    static InputFile read(String argument, InputStream in, PrintStream err) {
        try {
            return STDIN.equals(argument)
                    ? new InputFile("<stdin>", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    : new InputFile(argument, Files.readString(Path.of(argument), StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("paddock: cannot read " + argument + ": " + reason(e));
            return null;
        }
    }

    /** The JDK's message is the path again for a missing file, and "Input length = 1" for bad UTF-8. */
    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            case CharacterCodingException x -> "not UTF-8 text";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage();
        };
    }
}
