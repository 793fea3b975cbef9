package dev.paddock.upstream;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One upstream MCP server, checked and with {@code ${env:NAME}} resolved: how to reach it and which of its
 * tools are granted. Read from a paddock.json entry (or a client's config file) by {@link UpstreamEntry#read}.
 *
 * @param name       the key it was configured under, for messages and logs ({@code upstream 'github'})
 * @param namespace  the JavaScript identifier agent code calls it by: the key, sanitised
 * @param origin     where it was configured, for messages: {@code paddock.json:12:5}
 * @param lazy       started by the first execute of a session of its profile, not at Paddock's startup
 * @param perSession each session gets a process of its own (for servers that keep per-user state), ended with
 *                   the session; otherwise one process serves every session of the profile
 */
public record UpstreamSpec(String name, String namespace, Launch launch, ToolGrant tools, String origin, boolean lazy,
        boolean perSession) {

    /** How the server is reached. Its {@code toString} leaves out values that may be secrets. */
    public sealed interface Launch permits Stdio, Http {}

    /** A child process speaking MCP over its stdin and stdout. */
    public record Stdio(String command, List<String> args, Map<String, String> env, Path cwd) implements Launch {
        public Stdio {
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }

        @Override
        public String toString() {
            String line = String.join(" ", args);
            return "stdio " + command + (line.isEmpty() ? "" : " " + (line.length() > 100 ? line.substring(0, 100) + "…" : line))
                    + (env.isEmpty() ? "" : " (env " + String.join(", ", env.keySet()) + ")");
        }
    }

    /** A Streamable HTTP endpoint; {@code toString} shows no user info or query, which may carry a credential. */
    public record Http(URI url, Map<String, String> headers) implements Launch {
        public Http {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Streamable HTTP " + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + url.getPath() + (headers.isEmpty() ? "" : " (headers " + String.join(", ", headers.keySet()) + ")");
        }
    }
}
