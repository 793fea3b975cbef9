package dev.paddock.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upstream MCP servers of the client config files named by {@code --mcp-config} (Claude Desktop's
 * {@code claude_desktop_config.json}, Cursor's {@code mcp.json}, VS Code's {@code mcp.json}), in Paddock's
 * entry shape, for {@link PaddockConfig#load(Path, ImportedServers)} (or {@link PaddockConfig#defaults(ImportedServers)}
 * without a paddock.json). Every mistake of every file is reported in one
 * {@link ConfigException}; a server named in two files is one of them, naming both places.
 *
 * @param servers  the servers in the order of the files and of each file
 * @param files    what each file gave, in the order given
 */
public record ImportedServers(List<McpServerEntry> servers, List<FileSummary> files) {
    public static final ImportedServers NONE = new ImportedServers(List.of(), List.of());

    public ImportedServers {
        servers = List.copyOf(servers);
        files = List.copyOf(files);
    }

    /**
     * What one file gave.
     *
     * @param format       the client whose format it is ("Claude Desktop / Cursor", "VS Code")
     * @param servers      the names of the servers it contributed
     * @param ignoredKeys  keys Paddock has no use for, as JSON paths in the file
     * @param disabled     servers skipped because the file marks them {@code "disabled": true}
     */
    public record FileSummary(Path file, String format, List<String> servers, List<String> ignoredKeys, List<String> disabled) {
        /** The one warning about this file's ignored keys, or "" when there are none. */
        public String warning() {
            return ignoredKeys.isEmpty() ? "" : file + ": ignoring what Paddock does not use: " + String.join(", ", ignoredKeys);
        }
    }

    public static ImportedServers read(List<Path> files) throws ConfigException {
        List<ConfigException> problems = new ArrayList<>();
        Map<String, McpServerEntry> byName = new LinkedHashMap<>();
        List<FileSummary> summaries = new ArrayList<>();
        for (Path file : files) {
            ClientConfigFile.Read read;
            try {
                read = ClientConfigFile.read(file);
            } catch (ConfigException e) {
                problems.add(e);
                continue;
            }
            problems.addAll(read.problems());
            for (McpServerEntry server : read.servers()) {
                McpServerEntry first = byName.putIfAbsent(server.name(), server);
                if (first != null) problems.add(twice(server, first));
            }
            summaries.add(new FileSummary(file, read.format().label, read.servers().stream().map(McpServerEntry::name).toList(),
                    List.copyOf(read.ignoredKeys()), List.copyOf(read.disabled())));
        }
        ConfigException.throwIfAny(problems);
        return new ImportedServers(List.copyOf(byName.values()), summaries);
    }

    /** {@code profile} with these servers after its own; a name it defines already is a mistake naming both places. */
    Profile into(Profile profile, List<ConfigException> problems) {
        if (servers.isEmpty()) return profile;
        Map<String, McpServerEntry> joined = new LinkedHashMap<>(profile.mcpServers());
        for (McpServerEntry server : servers) {
            McpServerEntry own = joined.putIfAbsent(server.name(), server);
            if (own != null) problems.add(twice(server, own));
        }
        return new Profile(profile.name(), profile.limits(), profile.capabilities(), profile.exposeAsTools(), profile.egress(),
                profile.configPath(), joined);
    }

    /** The mistake of defining {@code again} where {@code first} already took its name. */
    private static ConfigException twice(McpServerEntry again, McpServerEntry first) {
        return again.error("", "the server \"" + again.name() + "\" is defined twice: here and at " + first.origin()
                + "; its name is its namespace in execute, so rename or remove one of them");
    }
}
