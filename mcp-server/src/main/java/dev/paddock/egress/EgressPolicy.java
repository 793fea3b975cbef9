package dev.paddock.egress;

import dev.paddock.capability.CapabilityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What agent code may fetch: deny by default, then the rules of {@code egress} in paddock.json:
 * <pre>
 * "egress": {"rules": [{"url": "https://api.example.com/v1/*", "methods": ["GET", "POST"],
 *                       "headers": {"Authorization": "Bearer ${env:EXAMPLE_TOKEN}"}}],
 *            "maxResponseBytes": 10485760, "maxRequestBytes": 10485760, "timeoutMs": 30000, "maxRedirects": 5,
 *            "maxConcurrentFetches": 32, "maxConcurrentFetchesPerSession": 64, "maxConcurrentFetchesPerProcess": 512}
 * </pre>
 * A rule's {@code url} gives scheme, host (exact, or {@code *.example.com} for every subdomain but not
 * example.com itself), port (explicit or the scheme's default) and path ({@code /v1/*} is the prefix
 * {@code /v1/}; without {@code *} the path must match exactly; query and fragment are not allowed).
 * {@code methods} defaults to GET and HEAD: a rule grants writes only when it says so. The first rule
 * matching URL and method wins. {@code ${env:NAME}} in header values is resolved once, at load.
 */
public final class EgressPolicy {
    /** The methods a rule may grant, in the order messages list them. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> DEFAULT_METHODS = Set.of("GET", "HEAD");
    private static final Pattern ENV = Pattern.compile("\\$\\{([^}]*)}");

    private final List<EgressRule> rules;
    private final EgressLimits limits;

    private EgressPolicy(List<EgressRule> rules, EgressLimits limits) {
        this.rules = List.copyOf(rules);
        this.limits = limits;
    }

    public static EgressPolicy denyAll() {
        return new EgressPolicy(List.of(), EgressLimits.DEFAULTS);
    }

    /**
     * Reads an {@code egress} section (null or missing → deny all) whose shape paddock.schema.json has
     * already checked, resolving ${env:…} from the process environment.
     */
    public static EgressPolicy fromConfig(JsonNode egress) {
        return fromConfig(egress, "egress", System::getenv);
    }

    /**
     * As {@link #fromConfig(JsonNode)}, with {@code at} the JSON path errors start with (e.g.
     * "profiles.ci.egress") and {@code env} answering ${env:NAME} (null when unset). Checks what the schema
     * cannot say: that a rule's URL parses as one, its wildcards, header names a rule may set, and
     * environment variables.
     */
    public static EgressPolicy fromConfig(JsonNode egress, String at, Function<String, String> env) {
        if (egress == null || egress.isMissingNode() || egress.isNull()) {
            return denyAll();
        }
        EgressLimits d = EgressLimits.DEFAULTS;
        EgressLimits limits = new EgressLimits(egress.path("maxResponseBytes").asLong(d.maxResponseBytes()),
                egress.path("maxRequestBytes").asLong(d.maxRequestBytes()), egress.path("timeoutMs").asLong(d.timeoutMs()),
                egress.path("maxRedirects").asInt(d.maxRedirects()),
                egress.path("maxConcurrentFetches").asInt(d.maxConcurrentFetches()),
                egress.path("maxConcurrentFetchesPerSession").asInt(d.maxConcurrentFetchesPerSession()),
                egress.path("maxConcurrentFetchesPerProcess").asInt(d.maxConcurrentFetchesPerProcess()));
        List<EgressRule> rules = new ArrayList<>();
        List<EgressConfigException> problems = new ArrayList<>();
        JsonNode rulesNode = egress.path("rules");
        for (int i = 0; i < rulesNode.size(); i++) {
            try {
                rules.add(rule(rulesNode.get(i), at + ".rules[" + i + "]", env, problems));
            } catch (EgressConfigException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            // One run reports every mistake: the first is thrown, the others ride along as suppressed.
            EgressConfigException first = problems.getFirst();
            problems.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return new EgressPolicy(rules, limits);
    }

    public EgressLimits limits() {
        return limits;
    }

    /** Every value a rule injects: secrets to hide from whatever fetch returns to agent code. */
    Set<String> injectedValues() {
        return rules.stream().flatMap(r -> r.headers().values().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** One line per rule, e.g. "GET, HEAD https://api.example.com/v1/*", for the tool description. */
    public List<String> grants() {
        return rules.stream().map(EgressRule::describe).toList();
    }

    /** The first rule allowing this method on this URL; otherwise EGRESS_DENIED saying what is allowed. */
    EgressRule authorize(EgressUrl url, String method) {
        for (EgressRule rule : rules) {
            if (rule.matches(url) && rule.allows(method)) {
                return rule;
            }
        }
        if (rules.isEmpty()) {
            throw new CapabilityException("EGRESS_DENIED", "fetch to " + url + " is not allowed: "
                    + "no egress is granted to this connection (the operator can add rules under \"egress\" "
                    + "in paddock.json).");
        }
        Set<String> methodsForUrl = rules.stream().filter(r -> r.matches(url)).flatMap(r -> r.methods().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String why = methodsForUrl.isEmpty() ? "no egress rule matches"
                : "method " + method + " is not granted for this URL (granted: "
                        + METHODS.stream().filter(methodsForUrl::contains).collect(Collectors.joining(", ")) + ")";
        throw new CapabilityException("EGRESS_DENIED",
                "fetch to " + url + " is not allowed: " + why + ". Allowed: " + String.join("; ", grants()));
    }

    @Override
    public String toString() {
        return "EgressPolicy" + rules + " " + limits;
    }

    /** A rule, or an exception for its URL; mistakes in its headers go to {@code problems}. */
    private static EgressRule rule(JsonNode node, String path, Function<String, String> env,
            List<EgressConfigException> problems) {
        String url = node.get("url").stringValue();
        String withoutWildcard = url;
        boolean wildcard = false;
        Matcher m = Pattern.compile("(?i)^(https?://)\\*\\.(.*)$").matcher(url);
        if (m.matches()) {
            wildcard = true;
            withoutWildcard = m.group(1) + m.group(2);
        }
        if (withoutWildcard.contains("?") || withoutWildcard.contains("#")) {
            throw new EgressConfigException(path + ".url", "must not contain a query or fragment (a rule matches "
                    + "scheme, host, port and path; any query is allowed)");
        }
        EgressUrl parsed;
        try {
            parsed = EgressUrl.parse(withoutWildcard);
        } catch (EgressUrlException e) {
            throw new EgressConfigException(path + ".url", e.getMessage());
        }
        if (wildcard && parsed.isLiteralAddress()) {
            throw new EgressConfigException(path + ".url", "a *. wildcard needs a domain name, not an IP address");
        }
        String rulePath = parsed.path();
        boolean prefix = rulePath.endsWith("*");
        if (prefix) {
            rulePath = rulePath.substring(0, rulePath.length() - 1);
        }
        if (rulePath.contains("*")) {
            throw new EgressConfigException(path + ".url", "'*' is allowed only as \"*.\" at the start of the host "
                    + "and at the end of the path");
        }
        return new EgressRule(url, parsed.scheme(), parsed.host(), wildcard, parsed.address(), parsed.port(),
                rulePath, prefix, methods(node.get("methods")),
                headers(node.get("headers"), path + ".headers", env, problems), node.path("allowRanges").asBoolean(false));
    }

    private static Set<String> methods(JsonNode node) {
        if (node == null) {
            return DEFAULT_METHODS;
        }
        return node.valueStream().map(method -> method.stringValue().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Map<String, String> headers(JsonNode node, String path, Function<String, String> env,
            List<EgressConfigException> problems) {
        if (node == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            try {
                header(entry.getKey(), entry.getValue().stringValue(), path + "." + entry.getKey(), env, headers);
            } catch (EgressConfigException e) {
                problems.add(e);
            }
        }
        return headers;
    }

    private static void header(String name, String template, String at, Function<String, String> env,
            Map<String, String> headers) {
        if (!HeaderNames.validName(name) || HeaderNames.forbidden(name)) {
            throw new EgressConfigException(at, "not a header a rule may set");
        }
        if (headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
            throw new EgressConfigException(at, "header given twice (names are case-insensitive)");
        }
        String value = resolveEnv(template, at, env);
        String problem = HeaderNames.valueProblem(value);
        if (problem != null) {
            throw new EgressConfigException(at, "the value " + problem);
        }
        headers.put(name, value);
    }

    private static String resolveEnv(String template, String at, Function<String, String> env) {
        Matcher m = ENV.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String reference = m.group(1);
            if (!reference.startsWith("env:") || reference.length() == 4) {
                throw new EgressConfigException(at, "unknown placeholder ${" + reference + "}; use ${env:NAME}");
            }
            String name = reference.substring(4);
            String value = env.apply(name);
            if (value == null) {
                throw new EgressConfigException(at, "environment variable " + name + " is not set");
            }
            if (value.isEmpty()) {
                // "Bearer " with nothing after it would reach the upstream as a credential that is no credential.
                throw new EgressConfigException(at, "environment variable " + name + " is set but empty");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
