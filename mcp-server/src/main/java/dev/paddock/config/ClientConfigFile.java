package dev.paddock.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MCP client's config file, read as the client writes it and translated into Paddock's entry shape. The
 * format is told from the content, not the file name: {@code "mcpServers"} is Claude Desktop's and Cursor's
 * ({@code command}/{@code args}/{@code env}/{@code cwd}, {@code url}/{@code headers}, Cursor's {@code envFile}
 * and optional {@code type}); {@code "servers"} is VS Code's (each entry's {@code type} is stdio, http or sse;
 * {@code inputs} prompt the user). Both are read as JSONC.
 *
 * The client's own placeholders are filled in here ({@code ${userHome}}, {@code ${workspaceFolder}},
 * {@code ${pathSeparator}}); {@code ${env:NAME}} stays for {@code UpstreamEntry} to resolve when the server
 * starts, like paddock.json's. Keys Paddock has no use for are gathered for one warning; every mistake is
 * reported at its line and column and names keys only, never a value (env and header values are secrets).
 */
final class ClientConfigFile {
    /** The formats, by the top-level key that tells them apart. */
    enum Format {
        MCP_SERVERS("mcpServers", "Claude Desktop / Cursor", Set.of("mcpServers")),
        VSCODE("servers", "VS Code", Set.of("servers", "inputs"));

        final String key;
        final String label;
        final Set<String> topLevelKeys;

        Format(String key, String label, Set<String> topLevelKeys) {
            this.key = key;
            this.label = label;
            this.topLevelKeys = topLevelKeys;
        }
    }

    private static final Set<String> ENTRY_KEYS = Set.of("type", "command", "args", "env", "envFile", "cwd", "url", "headers", "disabled");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ENV_LINE = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)");

    private final Path file;
    private final LocatedJson json;
    private final List<ConfigException> problems = new ArrayList<>();
    private final Set<String> ignored = new TreeSet<>();
    private final List<String> disabled = new ArrayList<>();
    private Format format;

    private ClientConfigFile(Path file, LocatedJson json) {
        this.file = file;
        this.json = json;
    }

    /**
     * What one file gave: its servers in file order, the keys ignored, the servers skipped as disabled, and the
     * mistakes of the entries left out, reported with the mistakes found across files (a name defined twice)
     * so that one run names them all.
     */
    record Read(Path file, Format format, List<McpServerEntry> servers, Set<String> ignoredKeys, List<String> disabled,
            List<ConfigException> problems) {}

    static Read read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read this MCP client config file (" + e + ")");
        }
        return new ClientConfigFile(file, LocatedJson.parseJsonc(file.toString(), text)).servers();
    }

    private Read servers() throws ConfigException {
        JsonNode root = json.root();
        format = format(root);
        for (String key : root.propertyNames()) {
            if (!format.topLevelKeys.contains(key)) ignored.add(key);
        }
        JsonNode servers = root.get(format.key);
        if (!servers.isObject()) {
            throw json.atValue(format.key, format.key + ": must be an object of server name → entry");
        }
        List<McpServerEntry> entries = new ArrayList<>();
        for (var server : servers.properties()) {
            String path = LocatedJson.child(format.key, server.getKey());
            ObjectNode entry = entry(server.getKey(), path, server.getValue());
            if (entry != null) entries.add(new McpServerEntry(server.getKey(), entry, path, json, workspaceOrFolder()));
        }
        return new Read(file, format, entries, ignored, disabled, List.copyOf(problems));
    }

    private Format format(JsonNode root) throws ConfigException {
        boolean mcpServers = root.has("mcpServers");
        boolean servers = root.has("servers");
        if (root.isObject() && mcpServers != servers) return mcpServers ? Format.MCP_SERVERS : Format.VSCODE;
        throw json.atValue("", (mcpServers
                ? "has both \"mcpServers\" and \"servers\": is it Claude Desktop / Cursor's format or VS Code's?"
                : "is not an MCP client config: expected an object with \"mcpServers\" (Claude Desktop, Cursor) or "
                        + "\"servers\" (VS Code)") + "; pass it as --config if it is paddock.json");
    }

    /** The entry in Paddock's shape, or null when it is disabled or wrong (the mistakes are recorded). */
    private ObjectNode entry(String name, String path, JsonNode body) {
        if (!body.isObject()) {
            problem(path, "must be an object like {\"command\": \"npx\", \"args\": [...]} or {\"url\": \"https://…/mcp\"}");
            return null;
        }
        body.propertyNames().stream().filter(key -> !ENTRY_KEYS.contains(key)).forEach(key -> ignored.add(path + "." + key));
        JsonNode off = body.path("disabled");
        if (!off.isMissingNode() && !off.isBoolean()) problem(at(path, "disabled"), "must be true or false");
        if (off.asBoolean(false)) {
            disabled.add(name);
            return null;
        }
        int before = problems.size();
        boolean http = http(path, body);
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        if (http) {
            copyString(body, "url", path, entry);
            copyStrings(body, "headers", path, entry, new LinkedHashMap<>());
            for (String stdioOnly : List.of("command", "args", "env", "envFile", "cwd")) {
                if (body.has(stdioOnly)) problem(at(path, stdioOnly), "is for stdio servers; this one is reached by url");
            }
        } else {
            copyString(body, "command", path, entry);
            JsonNode args = body.path("args");
            if (!args.isMissingNode()) {
                if (!args.isArray()) problem(at(path, "args"), "must be a list of strings");
                var list = entry.putArray("args");
                for (int i = 0; i < args.size(); i++) {
                    String where = LocatedJson.element(at(path, "args"), i);
                    if (args.get(i).isString()) list.add(expand(args.get(i).asString(), where));
                    else problem(where, "must be a string (write numbers and flags in quotes)");
                }
            }
            copyStrings(body, "env", path, entry, envFile(body, path));
            copyString(body, "cwd", path, entry);
            if (body.has("headers")) problem(at(path, "headers"), "is for servers reached by url; this one is started by command");
        }
        return problems.size() == before ? entry : null;
    }

    /** Whether the entry is a Streamable HTTP server (else stdio); a missing or contradicting kind is recorded. */
    private boolean http(String path, JsonNode body) {
        boolean command = body.has("command");
        boolean url = body.has("url");
        JsonNode type = body.path("type");
        if (type.isMissingNode()) {
            if (command == url) {
                problem(path, command ? "has both \"command\" (stdio) and \"url\" (Streamable HTTP); keep one"
                        : "needs \"command\" (a server Paddock starts) or \"url\" (a Streamable HTTP server)");
            }
            return url && !command;
        }
        String kind = type.asString("");
        switch (kind) {
            case "stdio" -> {
                if (!command) problem(path, "is of type \"stdio\" and needs \"command\"");
                return false;
            }
            case "http", "streamable-http", "streamableHttp" -> {
                if (!url) problem(path, "is of type \"" + kind + "\" and needs \"url\"");
                return true;
            }
            case "sse" -> {
                problem(at(path, "type"), "\"sse\" is the legacy HTTP+SSE transport, which Paddock does not speak: its client "
                        + "speaks Streamable HTTP. If the server offers Streamable HTTP too (often at /mcp), write \"type\": \"http\" "
                        + "with that url; else remove the entry");
                return true;
            }
            default -> {
                problem(at(path, "type"), "must be \"stdio\" or \"http\"");
                return url;
            }
        }
    }

    private void copyString(JsonNode body, String key, String path, ObjectNode entry) {
        JsonNode value = body.get(key);
        if (value == null) return;
        if (value.isString() && !value.asString().isBlank()) entry.put(key, expand(value.asString(), at(path, key)));
        else problem(at(path, key), "must be a non-empty string");
    }

    /** An object of name → string ({@code env}, {@code headers}) on top of {@code defaults}; values are never quoted. */
    private void copyStrings(JsonNode body, String key, String path, ObjectNode entry, Map<String, String> defaults) {
        JsonNode object = body.path(key);
        Map<String, String> values = new LinkedHashMap<>(defaults);
        if (!object.isMissingNode() && !object.isObject()) problem(at(path, key), "must be an object of name → string");
        for (var pair : object.properties()) {
            String where = at(at(path, key), pair.getKey());
            if (pair.getValue().isString()) values.put(pair.getKey(), expand(pair.getValue().asString(), where));
            else problem(where, "must be a string");
        }
        if (values.isEmpty() && object.isMissingNode()) return;
        ObjectNode out = entry.putObject(key);
        values.forEach(out::put);
    }

    /**
     * The variables of the entry's {@code envFile} ({@code NAME=value} lines, {@code #} comments, optional quotes
     * and {@code export}); its {@code env} overrides them. Problems name the line, never its text.
     */
    private Map<String, String> envFile(JsonNode body, String path) {
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode value = body.get("envFile");
        if (value == null) return variables;
        String where = at(path, "envFile");
        if (!value.isString() || value.asString().isBlank()) {
            problem(where, "must be the path of a file of NAME=value lines");
            return variables;
        }
        Path envFile = workspaceOrFolder().resolve(expand(value.asString(), where)).normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(envFile);
        } catch (IOException e) {
            problem(where, "cannot read " + envFile + " (" + e.getClass().getSimpleName() + ")");
            return variables;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = ENV_LINE.matcher(line);
            if (m.matches()) variables.put(m.group(1), unquoted(m.group(2).strip()));
            else problem(where, envFile + " line " + (i + 1) + " is not NAME=value");
        }
        return variables;
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** The client's placeholders filled in; {@code ${env:NAME}} and unknown ones are kept for UpstreamEntry. */
    private String expand(String template, String where) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value = switch (variable) {
                case "userHome" -> System.getProperty("user.home");
                case "workspaceFolder" -> workspace(where, variable);
                case "workspaceFolderBasename" -> {
                    String folder = workspace(where, variable);
                    yield folder.isEmpty() ? "" : Path.of(folder).getFileName().toString();
                }
                case "pathSeparator", "/" -> File.separator;
                default -> {
                    if (variable.startsWith("input:")) {
                        problem(where, "uses ${" + variable + "}, a VS Code prompt that Paddock cannot answer: put the value in an "
                                + "environment variable and write ${env:NAME} here instead");
                    }
                    yield m.group();
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code ${workspaceFolder}}: the project of a {@code .vscode} or {@code .cursor} file; a user-level file has none. */
    private String workspace(String where, String variable) {
        if (inProject()) return workspaceOrFolder().toString();
        problem(where, "uses ${" + variable + "}, but " + file + " is not in a project's .vscode or .cursor folder; "
                + "write the folder's path instead");
        return "";
    }

    /** What relative paths ({@code cwd}, {@code envFile}) mean: the project's folder, else the file's own. */
    private Path workspaceOrFolder() {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return inProject() ? folder.getParent() : folder;
    }

    private boolean inProject() {
        Path folder = file.toAbsolutePath().normalize().getParent().getFileName();
        return folder != null && (folder.toString().equals(".vscode") || folder.toString().equals(".cursor"));
    }

    private void problem(String path, String message) {
        problems.add(json.atValue(path, path + " " + message));
    }

    private static String at(String path, String key) {
        return LocatedJson.child(path, key);
    }
}
