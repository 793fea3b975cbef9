package dev.paddock.cli;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The environment variables a config reads through ${env:NAME}, found by letting the config's own readers ask
 * for them: what a reader asks for is exactly what serving needs. An unset variable answers a stand-in, so
 * the reader goes on and finds the next one too; the stand-in never leaves the doctor.
 */
final class EnvironmentUse {
    private final Function<String, String> env;
    /** Variable name → who reads it, e.g. "egress headers". */
    private final Map<String, Set<String>> readers = new TreeMap<>();

    /** @param env answers a variable's value, null when unset */
    EnvironmentUse(Function<String, String> env) {
        this.env = env;
    }

    /** The environment as {@code reader} sees it, recording every variable it asks for. */
    Function<String, String> seenBy(String reader) {
        return name -> {
            readers.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(reader);
            return isSet(name) ? env.apply(name) : "unset-" + name + "-stand-in";
        };
    }

    Map<String, Set<String>> readers() {
        return readers;
    }

    /** Set and not blank: an empty secret is as good as none. */
    boolean isSet(String name) {
        String value = env.apply(name);
        return value != null && !value.isBlank();
    }

    /** Set, but to nothing but spaces: likely a mistake such as {@code export TOKEN=$(cat missing-file)}. */
    boolean isBlank(String name) {
        String value = env.apply(name);
        return value != null && value.isBlank();
    }
}
