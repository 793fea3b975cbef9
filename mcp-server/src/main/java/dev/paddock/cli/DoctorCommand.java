package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.config.ImportedServers;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.egress.EgressConfigException;
import dev.paddock.egress.EgressPolicy;
import dev.paddock.server.ProfileGrants;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * `paddock doctor`: what this machine gives Paddock and whether a config would start, one line per check,
 * then the MCP client entries that start this Paddock with absolute paths.
 */
@Command(name = "doctor", description = "Check this installation, --config FILE and each --mcp-config FILE: the JDK, "
        + "GraalJS and whether it runs as JIT or interpreter (and why), the heap, every section of the config, the "
        + "servers each MCP client file gives, and the environment variables it reads. Then print the entries for Claude Desktop, Cursor and VS Code that start this Paddock. "
        + "Exit 0 when no check failed, else 2.")
final class DoctorCommand implements Callable<Integer> {
    private static final String EGRESS_HEADERS = "egress headers";
    private static final String HTTP_TOKENS = "http tokens";

    @ParentCommand
    PaddockCommand app;

    /** Whether --config failed its checks: no client entries are printed for a file that must change first. */
    private boolean configFaulted;

    enum Status { ok, warn, FAIL }

    /** One line of the report; {@code text} may go on over more lines. */
    record Check(Status status, String topic, String text) {
        @Override
        public String toString() {
            return String.format("%-4s  %-8s %s", status, topic, text.replace("\n", "\n" + " ".repeat(15)));
        }
    }

    @Override
    public Integer call() {
        RuntimeFacts facts = RuntimeFacts.current();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(Status.ok, "java", facts.javaRelease() + " " + facts.javaVendor() + " at " + facts.javaHome()));
        checks.add(new Check(Status.ok, "graaljs", facts.graalJs()));
        checks.add(mode(facts.mode()));
        List<Check> configChecks = new ArrayList<>();
        PaddockConfig config = config(configChecks);
        checks.add(heap(facts.heap(), (config == null ? PaddockConfig.defaults() : config).capacity().heapPressure()));
        checks.addAll(configChecks);
        EnvironmentUse env = new EnvironmentUse(System::getenv);
        if (config != null) {
            egress(config, env.seenBy(EGRESS_HEADERS));
            Check http = http(config, env.seenBy(HTTP_TOKENS));
            checks.addAll(env(env));
            checks.add(grants(config));
            checks.add(http);
        }

        PrintStream out = new PrintStream(app.out(), true, StandardCharsets.UTF_8);
        out.println(facts.summary());
        checks.forEach(out::println);
        if (config != null && !configFaulted) printSnippets(out, env);
        long failed = checks.stream().filter(c -> c.status() == Status.FAIL).count();
        out.println();
        out.println(failed == 0 ? "No problems found." : failed + (failed == 1 ? " check" : " checks")
                + " failed (FAIL above): fix and run `paddock doctor" + configArgument() + "` again.");
        return failed == 0 ? PaddockCommand.OK : PaddockCommand.USAGE;
    }

    private static Check mode(RuntimeFacts.JsMode mode) {
        return new Check(mode.jit() || mode.deliberate() ? Status.ok : Status.warn, "runtime", mode.label() + ": " + mode.why());
    }

    private static Check heap(RuntimeFacts.Heap heap, double pressure) {
        String size = gib(heap.maxBytes());
        List<String> lines = new ArrayList<>();
        lines.add(heap.explicit()
                ? "max " + size + " (-Xmx); the heap guard acts at " + Math.round(pressure * 100) + " % of it ("
                        + gib((long) (heap.maxBytes() * pressure)) + ", sandbox.heapPressure)"
                : "max " + size + " is the JVM's own choice (a share of RAM): scripts/paddock sets it from PADDOCK_HEAP "
                        + "(default 2g); with java -jar, add -Xmx2g");
        if (!heap.youngCapped()) {
            lines.add("young generation not capped: add -XX:+UnlockExperimentalVMOptions -XX:G1MaxNewSizePercent="
                    + RuntimeFacts.YOUNG_GENERATION_PERCENT + " (scripts/paddock does) so the heap guard sees the heap fill");
        }
        return new Check(heap.explicit() && heap.youngCapped() ? Status.ok : Status.warn, "heap", String.join("\n", lines));
    }

    /**
     * The config from --config (when its shape is wrong, what the schema accepted of it; null when even that
     * does not read); the defaults without --config. With the servers of the --mcp-config files when they
     * read, each file's check saying what it gave. Adds its checks.
     */
    private PaddockConfig config(List<Check> checks) {
        configFaulted = false;
        List<Check> files = new ArrayList<>();
        ImportedServers imported = ImportedServers.NONE;
        try {
            imported = ImportedServers.read(app.mcpConfigFiles);
            imported.files().forEach(file -> files.add(imported(file)));
        } catch (ConfigException e) {
            files.add(new Check(Status.FAIL, "mcp-cfg", e.getMessage()));
        }
        PaddockConfig config = null;
        if (app.configFile == null) {
            checks.add(new Check(Status.ok, "config", "none given: the defaults apply and nothing is granted"
                    + (app.mcpConfigFiles.isEmpty() ? "" : " but the servers of --mcp-config")
                    + " (`paddock init` writes a starter; --config FILE checks one)"));
            config = defaults(imported);
        } else {
            try {
                config = PaddockConfig.load(app.configFile, imported);
                checks.add(new Check(Status.ok, "config", absolute(app.configFile) + " matches paddock.schema.json"));
            } catch (ConfigException e) {
                checks.add(new Check(Status.FAIL, "config", e.getMessage()));
                config = e.rest().orElse(null); // the checks below report what else is wrong
                configFaulted = true;
            }
        }
        checks.addAll(files);
        return config;
    }

    private static PaddockConfig defaults(ImportedServers imported) {
        try {
            return PaddockConfig.defaults(imported);
        } catch (ConfigException e) {
            throw new IllegalStateException("the servers of one set of files cannot clash with none", e);
        }
    }

    /** What one --mcp-config file gave; keys Paddock ignores make it a warning. */
    private static Check imported(ImportedServers.FileSummary file) {
        List<String> lines = new ArrayList<>();
        int count = file.servers().size();
        lines.add(absolute(file.file()) + " (" + file.format() + "): " + count + (count == 1 ? " server" : " servers")
                + (count == 0 ? "" : " (" + String.join(", ", file.servers()) + ")"));
        if (!file.disabled().isEmpty()) lines.add("skipped as disabled: " + String.join(", ", file.disabled()));
        if (!file.ignoredKeys().isEmpty()) lines.add("ignored, Paddock does not use them: " + String.join(", ", file.ignoredKeys()));
        return new Check(file.ignoredKeys().isEmpty() ? Status.ok : Status.warn, "mcp-cfg", String.join("\n", lines));
    }

    /**
     * Reads every profile's egress rules only to learn the variables their headers use; the grants check
     * reports what is wrong with them, at its line and column.
     */
    private static void egress(PaddockConfig config, Function<String, String> env) {
        for (Profile profile : profilesInOrder(config)) {
            try {
                EgressPolicy.fromConfig(profile.egress(), profile.path("egress"), env);
            } catch (EgressConfigException e) {
                // reported by grants()
            }
        }
    }

    private static List<Check> env(EnvironmentUse env) {
        if (env.readers().isEmpty()) return List.of(new Check(Status.ok, "env", "the config reads no environment variables"));
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, Set<String>> variable : env.readers().entrySet()) {
            String name = variable.getKey();
            String usedBy = "(" + String.join(", ", variable.getValue())
                    + (variable.getValue().equals(Set.of(HTTP_TOKENS)) ? ", serve --http only" : "") + ")";
            checks.add(env.isSet(name)
                    ? new Check(Status.ok, "env", name + " is set " + usedBy)
                    : new Check(Status.FAIL, "env", name + (env.isBlank(name) ? " is set but empty " : " is not set ")
                            + usedBy + ": export it where Paddock runs, "
                            + "and give it to MCP clients in \"env\" (below)"));
        }
        return checks;
    }

    /** What serve and exec check before they start: every profile's capabilities and egress rules. */
    private static Check grants(PaddockConfig config) {
        try {
            Map<String, ProfileGrants> grants = ProfileGrants.loadAll(config);
            return new Check(Status.ok, "grants", profilesInOrder(config).stream()
                    .map(profile -> describe(grants.get(profile.name()))).collect(Collectors.joining("\n")));
        } catch (ConfigException e) {
            return new Check(Status.FAIL, "grants", e.getMessage());
        }
    }

    private static String describe(ProfileGrants grants) {
        Set<String> capabilities = new TreeSet<>(grants.profile().capabilities().keySet());
        Set<String> servers = grants.profile().mcpServers().keySet();
        return grants.profile().name() + ": " + (capabilities.isEmpty() ? "no capabilities" : String.join(", ", capabilities))
                + "; " + (grants.egressGrants().isEmpty() ? "no fetch" : "fetch " + String.join(", ", grants.egressGrants()))
                + (servers.isEmpty() ? "" : "; MCP servers " + String.join(", ", servers));
    }

    private static Check http(PaddockConfig config, Function<String, String> env) {
        if (config.http() == null || config.http().isMissingNode()) {
            return new Check(Status.ok, "http", "no \"http\" section: serve --http takes the defaults (loopback, no tokens)");
        }
        try {
            Map<String, String> tokens = HttpConfig.read(config, "127.0.0.1", 0, false, env).settings().tokens();
            return new Check(Status.ok, "http", tokens.isEmpty() ? "valid, without tokens (loopback only)"
                    : "valid: " + tokens.size() + " bearer token" + (tokens.size() == 1 ? "" : "s") + " for profiles "
                            + String.join(", ", new TreeSet<>(tokens.values())));
        } catch (ConfigException e) {
            return new Check(Status.FAIL, "http", e.getMessage());
        }
    }

    private void printSnippets(PrintStream out, EnvironmentUse env) {
        Set<String> stdioEnv = new TreeSet<>();
        env.readers().forEach((name, readers) -> {
            if (readers.contains(EGRESS_HEADERS)) stdioEnv.add(name);
        });
        List<ClientSnippets.Snippet> snippets =
                ClientSnippets.all(Installation.current(), Optional.ofNullable(app.configFile), stdioEnv);
        out.println();
        if (snippets.isEmpty()) {
            out.println("MCP clients: cannot tell how this Paddock was started (neither paddock.jar nor a checkout); "
                    + "see README.md, \"Use it from an MCP client\".");
            return;
        }
        out.println("MCP client entries for this machine. Clients start servers with a minimal environment (the official");
        out.println("SDK passes only PATH, HOME and a few more), so each variable Paddock reads must be set in \"env\""
                + (stdioEnv.isEmpty() ? "." : ";"));
        if (!stdioEnv.isEmpty()) out.println("replace each \"<value of NAME>\" with the secret.");
        for (ClientSnippets.Snippet snippet : snippets) {
            out.println();
            out.println(snippet.client() + ", in " + snippet.file() + ":");
            out.println(snippet.json());
        }
    }

    private String configArgument() {
        StringBuilder arguments = new StringBuilder(app.configFile == null ? "" : " --config " + app.configFile);
        app.mcpConfigFiles.forEach(file -> arguments.append(" --mcp-config ").append(file));
        return arguments.toString();
    }

    private static List<Profile> profilesInOrder(PaddockConfig config) {
        List<Profile> profiles = new ArrayList<>(List.of(config.defaultProfile()));
        config.profiles().values().stream().filter(p -> !p.name().equals(Profile.DEFAULT))
                .sorted(Comparator.comparing(Profile::name)).forEach(profiles::add);
        return profiles;
    }

    private static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
