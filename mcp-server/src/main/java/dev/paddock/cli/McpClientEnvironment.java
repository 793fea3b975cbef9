package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a missing variable means when an MCP client started Paddock: clients start servers with a small,
 * fixed environment (the official SDKs pass HOME, PATH, USER and a few more), so a variable exported in
 * the user's shell never arrives. The fix is the client config's {@code "env"}, which the error says.
 */
final class McpClientEnvironment {
    private static final Pattern NOT_SET = Pattern.compile("environment variable ([A-Za-z_][A-Za-z0-9_]*) is not set");

    private McpClientEnvironment() {}

    /** {@code e} with the remedy after each unset variable, when stdin is not a terminal (a client's pipe). */
    static ConfigException explain(ConfigException e) {
        if (System.console() != null && System.console().isTerminal()) return e;
        Matcher m = NOT_SET.matcher(e.getMessage());
        if (!m.find()) return e;
        return new ConfigException(m.replaceAll(found -> Matcher.quoteReplacement(found.group() + "; " + remedy(found.group(1)))));
    }

    static String remedy(String name) {
        return "MCP clients pass only a few variables to servers they start: add \"env\": {\"" + name
                + "\": \"…\"} to this server's entry in your client's config (claude_desktop_config.json, "
                + ".cursor/mcp.json, .vscode/mcp.json)";
    }
}
