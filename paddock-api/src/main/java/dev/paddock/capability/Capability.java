package dev.paddock.capability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host-side API agent code may call as {@code await <namespace>.<method>(…)}: its TypeScript
 * declarations (the single source of truth for the model and for argument validation) and the Java
 * object whose public methods implement them.
 *
 * <pre>{@code
 * Capability.of("weather", Files.readString(Path.of("weather.d.ts")), new WeatherApi());
 * }</pre>
 */
public record Capability(String namespace, String declarations, Object implementation, Map<String, String> withheld) {
    /** A JS identifier; with a leading {@code #}, a namespace of Paddock's own runtime (see {@link #isRuntime()}). */
    private static final Pattern NAMESPACE = Pattern.compile("#?[A-Za-z_$][A-Za-z0-9_$]{0,63}");

    /**
     * @param withheld methods this grant leaves out on purpose → what grants them, so an agent that calls one
     *                 learns it (and whoever reads the error, what to change), e.g. {@code write} on a read-only root
     */
    public Capability {
        withheld = Map.copyOf(withheld);
        Objects.requireNonNull(declarations, "declarations");
        Objects.requireNonNull(implementation, "implementation");
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("capability namespace '" + namespace
                    + "' must be a JavaScript identifier of at most 64 characters, e.g. \"weather\"");
        }
    }

    /**
     * Whether this is a namespace of Paddock's own runtime, such as {@code #egress} behind {@code fetch}:
     * no JS identifier, so agent code reaches it only through the standard library, and the model is shown
     * the standard library's declarations instead of its own.
     */
    public boolean isRuntime() {
        return isRuntime(namespace);
    }

    static boolean isRuntime(String namespace) {
        return namespace.startsWith("#");
    }

    public Capability(String namespace, String declarations, Object implementation) {
        this(namespace, declarations, implementation, Map.of());
    }

    public static Capability of(String namespace, String declarations, Object implementation) {
        return new Capability(namespace, declarations, implementation);
    }

    /** This grant, saying that {@code method} is left out on purpose and what would grant it. */
    public Capability withholding(String method, String howToGrant) {
        var all = new LinkedHashMap<>(withheld);
        all.put(method, howToGrant);
        return new Capability(namespace, declarations, implementation, all);
    }
}
