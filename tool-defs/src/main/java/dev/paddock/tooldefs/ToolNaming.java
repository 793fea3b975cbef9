package dev.paddock.tooldefs;

import java.util.regex.Pattern;

/**
 * How a method becomes an MCP tool name: {@code {namespace}} and {@code {method}} in the pattern are
 * replaced. The result must follow the MCP tool-name rules: 1–128 characters of {@code [A-Za-z0-9_.-]}.
 */
public record ToolNaming(String pattern) {

    public static final ToolNaming DEFAULT = new ToolNaming("{namespace}_{method}");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public ToolNaming {
        if (!pattern.contains("{method}")) {
            throw new IllegalArgumentException("tool name pattern '" + pattern + "' must contain {method}");
        }
    }

    /** The tool name, or an exception saying why it breaks the MCP rules. */
    public String name(String namespace, String method) {
        String name = pattern.replace("{namespace}", namespace).replace("{method}", method);
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' is not a valid MCP tool name "
                    + "(1-128 characters of A-Z a-z 0-9 _ . -)");
        }
        return name;
    }
}
