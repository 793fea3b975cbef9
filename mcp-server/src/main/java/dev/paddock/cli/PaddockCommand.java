package dev.paddock.cli;

import dev.paddock.capability.CallPolicy;
import dev.paddock.config.ConfigException;
import dev.paddock.config.ImportedServers;
import dev.paddock.config.LogSettings;
import dev.paddock.config.PaddockConfig;
import dev.paddock.server.PaddockRuntime;
import dev.paddock.server.ProfileGrants;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The `paddock` command: global options, and `serve` when no subcommand is given. A subcommand is one
 * small class with a {@code @ParentCommand PaddockCommand} field, registered in {@link #commandLine}.
 */
@Command(
        name = "paddock",
        mixinStandardHelpOptions = true,
        // Every subcommand takes --help and --version too.
        scope = ScopeType.INHERIT,
        description = "Runs the code AI agents write, in sandboxed GraalJS isolates, as an MCP server.%n"
                + "Without a command, serves MCP over stdio (same as `paddock serve`).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  paddock                           serve MCP over stdio",
            "  paddock --config paddock.json     serve with the limits in paddock.json",
            "  paddock exec script.js            run one script, print its result as JSON",
            "  echo 'return 6 * 7' | paddock exec -",
            "  paddock tools --from-ts weather.d.ts       MCP tools + JSON Schemas of declarations",
            "  paddock types --from-schema tools.json     TypeScript for another server's tools/list",
            "  paddock init --files data         write a commented starter paddock.json",
            "  paddock doctor --config paddock.json   check it all; print MCP client entries",
            "  paddock --mcp-config ~/.cursor/mcp.json   offer Cursor's servers inside execute",
            "",
            "Claude Desktop (claude_desktop_config.json; `paddock doctor` fills in paths):",
            "  { \"mcpServers\": { \"paddock\": { \"command\": \"java\",",
            "      \"args\": [\"-jar\", \"/path/to/paddock.jar\"], \"env\": {} } } }"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the script failed (exec)", "2:invalid arguments or config file"})
public final class PaddockCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(PaddockCommand.class);
    static final int OK = 0;
    static final int SCRIPT_FAILED = 1;
    static final int USAGE = 2;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "paddock.json with limits; relative paths in it resolve against its directory.")
    Path configFile;

    @Option(names = "--mcp-config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "An MCP client's config file whose servers Paddock offers inside execute, read as it is: "
                    + "Claude Desktop's claude_desktop_config.json, Cursor's mcp.json or VS Code's mcp.json. Repeatable; "
                    + "works with or without --config. Its servers join paddock.json's top-level \"mcpServers\".")
    List<Path> mcpConfigFiles = new ArrayList<>();

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "error, warn, info, debug, trace or off; overrides \"logging\": {\"level\"} in paddock.json. "
                    + "Logs go to stderr.")
    LogSettings.Level logLevel;

    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;

    PaddockCommand(InputStream in, OutputStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Parses the arguments and runs the command; returns the exit code. */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        CommandLine commandLine = commandLine(new PaddockCommand(in, out, err));
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
        }
    }

    static CommandLine commandLine(PaddockCommand app) {
        CommandLine commandLine = new CommandLine(app)
                .addSubcommand(new ServeCommand())
                .addSubcommand(new ExecCommand())
                .addSubcommand(new ToolsCommand())
                .addSubcommand(new TypesCommand())
                .addSubcommand(new InitCommand())
                .addSubcommand(new DoctorCommand())
                .addSubcommand(new AotTrainingCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new OutputStreamWriter(app.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(app.err, true))
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    if (!(e instanceof ConfigException)) throw e;
                    e.getMessage().lines().forEach(line -> app.err.println("paddock: " + line));
                    return USAGE;
                });
        // Set after the subcommands are added: picocli asks an inherited provider for its text as each one is
        // added, and the text starts a GraalJS engine (hundreds of ms) to learn whether it would optimize.
        Version version = new Version();
        commandLine.getCommandSpec().versionProvider(version);
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        return commandLine;
    }

    @Override
    public Integer call() throws ConfigException {
        return ServeCommand.serve(this);
    }

    /**
     * The config from --config, or the defaults, with the servers of the --mcp-config files; its logging
     * settings, under --log-level, apply from here on. The mistakes of all the files come in one exception.
     */
    PaddockConfig config() throws ConfigException {
        if (logLevel != null) Logging.apply(LogSettings.DEFAULTS.withLevel(logLevel));
        List<ConfigException> problems = new ArrayList<>();
        ImportedServers imported = ImportedServers.NONE;
        ConfigException importing = null;
        try {
            imported = ImportedServers.read(mcpConfigFiles);
        } catch (ConfigException e) {
            importing = e;
        }
        PaddockConfig config = null;
        try {
            config = configFile == null ? PaddockConfig.defaults(imported) : PaddockConfig.load(configFile, imported);
        } catch (ConfigException e) {
            problems.add(e);
            e.rest().ifPresent(rest -> checkTheRest(rest, problems));
        }
        if (importing != null) problems.add(importing); // paddock.json's mistakes before the client files'
        ConfigException.throwIfAny(problems);
        LogSettings logging = config.logging();
        Logging.apply(logLevel == null ? logging : logging.withLevel(logLevel));
        for (ImportedServers.FileSummary file : imported.files()) {
            if (!file.warning().isEmpty()) log.warn(file.warning());
            for (String name : file.disabled()) log.info("{}: skipping the server \"{}\", which the file marks disabled", file.file(), name);
        }
        return config;
    }

    /** The checks after the schema's, on what it let through of a file it faulted, so one run names them all. */
    private static void checkTheRest(PaddockConfig rest, List<ConfigException> problems) {
        HttpConfig.check(rest, problems);
        try {
            ProfileGrants.loadAll(rest);
        } catch (ConfigException e) {
            problems.add(e);
        }
    }

    /** Starts the runtime once the whole config is checked: its http section and every profile's grants. */
    static PaddockRuntime start(PaddockConfig config) throws ConfigException {
        List<ConfigException> problems = new ArrayList<>();
        HttpConfig.check(config, problems);
        return start(config, problems);
    }

    /**
     * Starts the runtime, or reports the {@code problems} already found together with the profiles' own, so
     * one run names every mistake of the file.
     */
    static PaddockRuntime start(PaddockConfig config, List<ConfigException> problems) throws ConfigException {
        if (problems.isEmpty()) return PaddockRuntime.start(config, List.of(), CallPolicy.ALLOW_ALL);
        try {
            ProfileGrants.loadAll(config);
        } catch (ConfigException e) {
            problems.add(e);
        }
        throw ConfigException.of(problems);
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {RuntimeFacts.current().summary()};
        }
    }
}
