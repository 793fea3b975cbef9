package dev.paddock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entries that start this Paddock from Claude Desktop, Cursor and VS Code, with absolute paths. Each one
 * carries an "env" block naming every variable the config reads: clients start servers with a minimal
 * environment (the official SDK passes only a fixed list such as PATH and HOME), so a variable exported in the
 * user's shell never reaches Paddock. Values are placeholders; a snippet never holds a secret.
 */
final class ClientSnippets {
    private static final JsonMapper JSON = JsonMapper.shared();
    /** Written as people write these files: {@code "command": "…"}, {@code "env": {}}. */
    private static final ObjectWriter PRETTY = JSON.writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator("")));
    private static final UnaryOperator<String> PLACEHOLDER = name -> "<value of " + name + ">";

    private ClientSnippets() {}

    /** A client's name, where its file lives, and the file's JSON. */
    record Snippet(String client, String file, String json) {}

    /**
     * @param config the config file the server should load, if any
     * @param env    the variables it reads through ${env:NAME}
     */
    static List<Snippet> all(Installation here, Optional<Path> config, Collection<String> env) {
        List<Snippet> snippets = new ArrayList<>();
        // Claude Desktop gets the self-contained jar where there is one: it needs nothing from the environment.
        List<String> jarCommand = here.jar().map(here::javaJar).orElse(here.serverCommand());
        if (!jarCommand.isEmpty()) {
            ObjectNode file = JSON.createObjectNode();
            file.putObject("mcpServers").set("paddock", server(jarCommand, config, env, PLACEHOLDER));
            snippets.add(new Snippet("Claude Desktop", "claude_desktop_config.json (Settings > Developer > Edit Config)",
                    PRETTY.writeValueAsString(file)));
        }
        List<String> command = here.serverCommand();
        if (command.isEmpty()) return snippets;
        ObjectNode cursor = JSON.createObjectNode();
        cursor.putObject("mcpServers").set("paddock", server(command, config, env, PLACEHOLDER));
        snippets.add(new Snippet("Cursor", "~/.cursor/mcp.json, or .cursor/mcp.json in a project",
                PRETTY.writeValueAsString(cursor)));
        snippets.add(new Snippet("VS Code", ".vscode/mcp.json" + (env.isEmpty() ? ""
                : " (VS Code asks for each secret once and keeps it in its secret storage)"),
                PRETTY.writeValueAsString(vsCode(command, config, env))));
        return snippets;
    }

    /** VS Code's own format: "servers", "type": "stdio", and an input prompt per secret instead of a placeholder. */
    private static ObjectNode vsCode(List<String> command, Optional<Path> config, Collection<String> env) {
        ObjectNode file = JSON.createObjectNode();
        if (!env.isEmpty()) {
            ArrayNode inputs = file.putArray("inputs");
            for (String name : env) {
                inputs.addObject().put("type", "promptString").put("id", name)
                        .put("description", name + " for Paddock (paddock.json reads ${env:" + name + "})").put("password", true);
            }
        }
        ObjectNode server = JSON.createObjectNode().put("type", "stdio");
        server.setAll(server(command, config, env, name -> "${input:" + name + "}"));
        file.putObject("servers").set("paddock", server);
        return file;
    }

    private static ObjectNode server(List<String> command, Optional<Path> config, Collection<String> env,
            UnaryOperator<String> value) {
        ObjectNode server = JSON.createObjectNode().put("command", command.getFirst());
        ArrayNode args = server.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        args.add("serve");
        config.ifPresent(file -> args.add("--config").add(file.toAbsolutePath().normalize().toString()));
        ObjectNode variables = server.putObject("env");
        env.forEach(name -> variables.put(name, value.apply(name)));
        return server;
    }
}
