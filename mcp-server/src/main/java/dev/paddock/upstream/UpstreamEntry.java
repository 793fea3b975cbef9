package dev.paddock.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads one upstream server entry in the shape Claude Desktop and Cursor use ({@code command}, {@code args},
 * {@code env}, {@code cwd} or {@code url}, {@code headers}) plus Paddock's {@code tools} grant and {@code lazy} and
 * {@code perSession} lifecycle, into an
 * {@link UpstreamSpec}. Whoever found the entry (paddock.json, a client's config file) says where it is;
 * the shape is assumed checked by that file's schema, so what is left is what a schema cannot say:
 * {@code ${env:NAME}} references, which may appear in every string and are resolved here.
 * Every problem is gathered; none quotes a resolved value, which may be a secret.
 */
public final class UpstreamEntry {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** One mistake in an entry: {@code key} is its place inside the entry ({@code env.TOKEN}, {@code args[2]}). */
    public record Problem(String key, String message) {}

    /** The entry's mistakes, every one of them. */
    public static final class InvalidEntry extends Exception {
        private final transient List<Problem> problems;

        InvalidEntry(List<Problem> problems) {
            super(problems.stream().map(p -> p.key() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Function<String, String> env;

    private UpstreamEntry(Function<String, String> env) {
        this.env = env;
    }

    /**
     * @param name    the entry's key: the server's name, and once sanitised its namespace
     * @param entry   the entry's JSON object
     * @param origin  where the entry was written, for messages ({@code paddock.json:12:5})
     * @param baseDir what a relative {@code cwd} resolves against (the folder of the file)
     * @param env     answers {@code ${env:NAME}}, null when unset
     */
    public static UpstreamSpec read(String name, JsonNode entry, String origin, Path baseDir, Function<String, String> env)
            throws InvalidEntry {
        return new UpstreamEntry(env).spec(name, entry, origin, baseDir);
    }

    private UpstreamSpec spec(String name, JsonNode entry, String origin, Path baseDir) throws InvalidEntry {
        UpstreamSpec.Launch launch = entry.has("url") ? http(entry) : stdio(entry, baseDir);
        JsonNode tools = entry.path("tools");
        ToolGrant grant = tools.isMissingNode() ? ToolGrant.ALL
                : new ToolGrant(strings(tools.path("allow"), List.of("*")), strings(tools.path("deny"), List.of()));
        if (!problems.isEmpty()) throw new InvalidEntry(problems);
        return new UpstreamSpec(name, Namespaces.of(name), launch, grant, origin, entry.path("lazy").asBoolean(false),
                entry.path("perSession").asBoolean(false));
    }

    private UpstreamSpec.Launch stdio(JsonNode entry, Path baseDir) {
        String command = resolve(entry.path("command").asString(""), "command");
        List<String> args = new ArrayList<>();
        JsonNode list = entry.path("args");
        for (int i = 0; i < list.size(); i++) args.add(resolve(list.get(i).asString(""), "args[" + i + "]"));
        Map<String, String> variables = new LinkedHashMap<>();
        for (var variable : entry.path("env").properties()) {
            variables.put(variable.getKey(), resolve(variable.getValue().asString(""), "env." + variable.getKey()));
        }
        Path cwd = entry.has("cwd") ? baseDir.resolve(resolve(entry.get("cwd").asString(), "cwd")).normalize() : baseDir;
        return new UpstreamSpec.Stdio(command, args, variables, cwd);
    }

    private UpstreamSpec.Launch http(JsonNode entry) {
        String text = resolve(entry.path("url").asString(""), "url");
        URI url = null;
        try {
            url = new URI(text);
            if (url.getHost() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                problems.add(new Problem("url", "must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:3001/mcp"));
            }
        } catch (URISyntaxException e) {
            problems.add(new Problem("url", "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (var header : entry.path("headers").properties()) {
            String value = resolve(header.getValue().asString(""), "headers." + header.getKey());
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                problems.add(new Problem("headers." + header.getKey(), "the value must not contain a line break"));
            }
            headers.put(header.getKey(), value);
        }
        return new UpstreamSpec.Http(url, headers);
    }

    /** The string with each {@code ${env:NAME}} replaced; an unset or empty variable is a problem. */
    private String resolve(String template, String key) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String reference = m.group(1);
            String value = "";
            if (!reference.startsWith("env:") || reference.length() == 4) {
                problems.add(new Problem(key, "unknown placeholder ${" + reference + "}; use ${env:NAME}"));
            } else {
                String variable = reference.substring(4);
                String found = env.apply(variable);
                if (found == null) problems.add(new Problem(key, "environment variable " + variable + " is not set"));
                else if (found.isEmpty()) problems.add(new Problem(key, "environment variable " + variable + " is set but empty"));
                else value = found;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> strings(JsonNode array, List<String> absent) {
        if (array.isMissingNode()) return absent;
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
