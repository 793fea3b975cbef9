package dev.paddock.upstream;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which tools of an upstream server agent code may call: {@code "tools": {"allow": [...], "deny": [...]}},
 * globs on the server's own tool names where {@code *} matches any run of characters. A tool is granted when
 * an allow glob matches it and no deny glob does. Checked host-side: a tool not granted is left out of the
 * types and a call to it is refused before anything reaches the server.
 */
public record ToolGrant(List<String> allow, List<String> deny) {
    public static final ToolGrant ALL = new ToolGrant(List.of("*"), List.of());

    public ToolGrant {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public boolean grants(String toolName) {
        return allow.stream().anyMatch(glob -> matches(glob, toolName)) && deny.stream().noneMatch(glob -> matches(glob, toolName));
    }

    /** For messages: {@code allow read_*, search_*; deny delete_*}. */
    public String describe() {
        return "allow " + String.join(", ", allow) + (deny.isEmpty() ? "" : "; deny " + String.join(", ", deny));
    }

    static boolean matches(String glob, String name) {
        String regex = List.of(glob.split("\\*", -1)).stream().map(Pattern::quote).collect(Collectors.joining(".*"));
        return name.matches(regex);
    }
}
