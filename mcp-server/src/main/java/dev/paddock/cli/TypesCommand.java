package dev.paddock.cli;

import dev.paddock.tooldefs.ToolDefsCommands;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** `paddock types --from-schema FILE`: the TypeScript a model reads for another MCP server's tools. */
@Command(name = "types", description = "Print TypeScript declarations for a tools/list result ({\"tools\": [...]}), "
        + "as the model would read them. Exit 2 for invalid input.")
final class TypesCommand implements Callable<Integer> {
    @ParentCommand
    PaddockCommand app;

    @Option(names = "--from-schema", required = true, paramLabel = "FILE", description = "A tools/list result as JSON.")
    Path file;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The namespace in `declare const NS`; defaults to the file name without extensions.")
    String namespace;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(app.out(), true, StandardCharsets.UTF_8);
        return ToolDefsCommands.types(file, Optional.ofNullable(namespace), out, app.err());
    }
}
