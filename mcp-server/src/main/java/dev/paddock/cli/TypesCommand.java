package dev.paddock.cli;

import dev.paddock.tooldefs.ToolDefsCommands;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** `paddock types --from-schema FILE`: the TypeScript a model reads for another MCP server's tools. */
@Command(name = "types", description = "Print TypeScript declarations for a tools/list result ({\"tools\": [...]}, "
        + "the whole JSON-RPC response carrying it, or an array of tools), as the model would read them. "
        + "Exit 2 for invalid input.")
final class TypesCommand implements Callable<Integer> {
    @ParentCommand
    PaddockCommand app;

    @Option(names = "--from-schema", required = true, paramLabel = "FILE",
            description = "A tools/list result or response as JSON, or - to read it from stdin.")
    String file;

    @Option(names = "--namespace", paramLabel = "NS", description = "The namespace in `declare const NS`; defaults to "
            + "the file name without extensions, or \"" + ToolsCommand.NAMESPACE_OF_STDIN + "\" for stdin.")
    String namespace;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(app.out(), true, StandardCharsets.UTF_8);
        InputFile input = InputFile.read(file, app.in(), app.err());
        if (input == null) return PaddockCommand.USAGE;
        return ToolDefsCommands.types(input.name(), input.text(), ToolsCommand.namespace(file, namespace), out, app.err());
    }
}
