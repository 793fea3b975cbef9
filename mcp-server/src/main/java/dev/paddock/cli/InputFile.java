package dev.paddock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file argument that may be {@code -} for standard input, read as UTF-8 text. */
record InputFile(String name, String text) {
    static final String STDIN = "-";

    /** The input, or null after telling {@code err} why it cannot be read. */
    static InputFile read(String argument, InputStream in, PrintStream err) {
        try {
            return STDIN.equals(argument)
                    ? new InputFile("<stdin>", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    : new InputFile(argument, Files.readString(Path.of(argument), StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("paddock: cannot read " + argument + ": " + e.getMessage());
            return null;
        }
    }
}
