package dev.paddock.cli;

import dev.paddock.tooldefs.ToolDefsCommands;
import dev.paddock.tooldefs.ToolNaming;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** `paddock tools --from-ts FILE`: the MCP tool objects a declaration file stands for. */
@Command(name = "tools", description = "Print the MCP tools ({\"tools\": [...]}) of a TypeScript declaration file. "
        + "Errors go to stderr as FILE:LINE:COL: message; exit 2 for invalid input.")
final class ToolsCommand implements Callable<Integer> {
    static final String NAMESPACE_OF_STDIN = "tools";

    @ParentCommand
    PaddockCommand app;

    @Option(names = "--from-ts", required = true, paramLabel = "FILE",
            description = "A .d.ts file, e.g. weather.d.ts, or - to read it from stdin.")
    String file;

    @Option(names = "--namespace", paramLabel = "NS", description = "Tool name prefix; defaults to the file name "
            + "without extensions (weather.d.ts → weather), or \"" + NAMESPACE_OF_STDIN + "\" for stdin.")
    String namespace;

    @Option(names = "--tool-names", paramLabel = "PATTERN", defaultValue = "{namespace}_{method}",
            description = "Tool name pattern with {namespace} and {method}; default: ${DEFAULT-VALUE}.")
    String toolNames;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(app.out(), true, StandardCharsets.UTF_8);
        ToolNaming naming;
        try {
            naming = new ToolNaming(toolNames);
        } catch (IllegalArgumentException e) {
            app.err().println("paddock: --tool-names: " + e.getMessage());
            return PaddockCommand.USAGE;
        }
        InputFile input = InputFile.read(file, app.in(), app.err());
        if (input == null) return PaddockCommand.USAGE;
        return ToolDefsCommands.tools(input.name(), input.text(), namespace(file, namespace), naming, out, app.err());
    }

    /** The namespace asked for, else one named after the file. */
    static String namespace(String file, String asked) {
        if (asked != null) return asked;
        return InputFile.STDIN.equals(file) ? NAMESPACE_OF_STDIN : ToolDefsCommands.defaultNamespace(Path.of(file));
    }
}
