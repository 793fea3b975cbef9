package dev.paddock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** `paddock init`: a starter paddock.json that explains itself in comments. */
@Command(name = "init", description = "Write a starter paddock.json, commented: \"$schema\" for your editor, the "
        + "files capability on a folder, and an egress rule example (commented out: fetch reaches nothing until you "
        + "allow it). An existing file is kept unless --force is given. Then run `paddock doctor --config FILE`.")
final class InitCommand implements Callable<Integer> {
    static final String DEFAULT_FILE = "paddock.json";
    private static final String SCHEMA_FILE = "paddock.schema.json";

    @ParentCommand
    PaddockCommand app;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to write; default: --config FILE, else "
            + DEFAULT_FILE + " in the current directory.")
    Path file;

    @Option(names = "--files", paramLabel = "FOLDER", defaultValue = "data", description = "The folder agent code may "
            + "read through the files capability, relative to the current directory; default: ${DEFAULT-VALUE}.")
    Path folder;

    @Option(names = "--writable", description = "Let agent code write files in FOLDER too.")
    boolean writable;

    @Option(names = "--mkdir", description = "Create FOLDER if it does not exist.")
    boolean mkdir;

    @Option(names = "--force", description = "Overwrite FILE (and a " + SCHEMA_FILE + " init wrote beside it).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(app.out(), true, StandardCharsets.UTF_8);
        Path target = file != null ? file : app.configFile != null ? app.configFile : Path.of(DEFAULT_FILE);
        if (file != null && app.configFile != null && !file.equals(app.configFile)) {
            return refuse("init writes one file: give it as FILE or as --config, not both");
        }
        Path config = target.toAbsolutePath().normalize();
        Path dir = config.getParent();
        if (!Files.isDirectory(dir)) return refuse("folder " + dir + " does not exist; create it first");
        if (Files.exists(config) && !force) return refuse(target + " already exists; pass --force to overwrite it");
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) return refuse("--files " + folder + " is not a folder");
        boolean created = !Files.isDirectory(root) && mkdir;
        if (created) Files.createDirectories(root);

        Installation here = Installation.current();
        String schema = schemaReference(here, dir, out);
        String text = starter(schema, pathInConfig(dir, root), writable);
        try {
            if (force) {
                Files.writeString(config, text);
            } else {
                Files.writeString(config, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            return refuse(target + " already exists; pass --force to overwrite it");
        }
        out.println("wrote " + config + ": files (" + (writable ? "writable" : "read-only") + ") on " + root
                + ", no egress yet (a commented rule shows how)");
        if (created) out.println("created folder " + root);
        if (!Files.isDirectory(root)) {
            out.println("note: folder " + root + " does not exist yet; serve and exec refuse a missing files root: "
                    + "create it, or run init again with --mkdir --force");
        }
        List<String> command = here.command();
        out.println("next: " + (command.isEmpty() ? "paddock" : String.join(" ", command)) + " doctor --config " + target);
        return PaddockCommand.OK;
    }

    private int refuse(String why) {
        app.err().println("paddock: " + why);
        return PaddockCommand.USAGE;
    }

    /**
     * The checkout's schema (a relative path inside the checkout, as examples/ do, else its file: URI), or a copy
     * of the bundled one written beside the config when Paddock runs from a lone jar.
     */
    private String schemaReference(Installation here, Path dir, PrintStream out) throws IOException {
        if (here.schema().isPresent()) {
            Path schema = here.schema().get();
            return dir.startsWith(here.checkout().orElseThrow()) ? slashes(dir.relativize(schema)) : schema.toUri().toString();
        }
        Path copy = dir.resolve(SCHEMA_FILE);
        if (force || !Files.exists(copy)) {
            try (InputStream in = InitCommand.class.getResourceAsStream("/" + SCHEMA_FILE)) {
                if (in == null) throw new IllegalStateException(SCHEMA_FILE + " is missing from Paddock's jar");
                Files.write(copy, in.readAllBytes());
            }
            out.println("wrote " + copy + ": the schema your editor checks the config against");
        }
        return SCHEMA_FILE;
    }

    /** Relative to the config's folder when inside it, as paddock.json reads paths; else absolute. */
    private static String pathInConfig(Path dir, Path root) {
        if (!root.startsWith(dir)) return root.toString();
        return root.equals(dir) ? "." : slashes(dir.relativize(root));
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    static String starter(String schema, String root, boolean writable) {
        JsonMapper json = JsonMapper.shared();
        return """
                // Paddock's configuration: what agent code may use besides plain JavaScript. JSON with comments;
                // your editor checks it against "$schema", and `paddock doctor --config FILE` checks it the way
                // the server will. Every key is optional; relative paths resolve against this file's folder.
                {
                  "$schema": %s,

                  // Capabilities are host APIs granted to agent code; nothing else is reachable.
                  "capabilities": {
                    // files: list, read, stat (and write, when writable) below one folder, nowhere else.
                    "files": { "root": %s, "writable": %s }
                  },

                  // fetch() reaches only what a rule allows: with no rules, every request is refused.
                  "egress": {
                    "rules": [
                      // A rule names a URL pattern and its methods, and may add headers. A secret comes from the
                      // environment as ${env:NAME}, never from this file; MCP clients pass it in their "env" block.
                      // { "url": "https://api.example.com/v1/*", "methods": ["GET"],
                      //   "headers": { "Authorization": "Bearer ${env:EXAMPLE_TOKEN}" } }
                    ]
                  }

                  // More in README.md: "limits" (time, memory, output per call), "state", plugins, and
                  // "profiles" and "http" for serve --http.
                }
                """.formatted(json.writeValueAsString(schema), json.writeValueAsString(root), writable);
    }
}
