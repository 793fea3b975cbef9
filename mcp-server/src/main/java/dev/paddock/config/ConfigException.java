package dev.paddock.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A config file Paddock cannot use. Holds every mistake one check found, in file order, one per line of the
 * message, each naming the file, line:column and the JSON path — so a user fixes the file in one pass.
 */
public final class ConfigException extends Exception {
    private final List<LocatedJson.Problem> problems;
    private final PaddockConfig rest;

    public ConfigException(String message) {
        this(List.of(LocatedJson.Problem.unlocated(message)));
    }

    ConfigException(List<LocatedJson.Problem> problems) {
        this(problems, null);
    }

    private ConfigException(List<LocatedJson.Problem> problems, PaddockConfig rest) {
        super(problems.stream().map(LocatedJson.Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.rest = rest;
    }

    /** These shape mistakes, with the config read from the rest of the file. */
    ConfigException withRest(PaddockConfig rest) {
        return new ConfigException(problems, rest);
    }

    /**
     * The config read from the parts of the file the schema accepted, when it rejected others: the checks that
     * come after the schema's run on it, so one run reports their mistakes too. Never a config to serve with.
     */
    public Optional<PaddockConfig> rest() {
        return Optional.ofNullable(rest);
    }

    /**
     * One exception reporting every mistake of {@code found}: unlocated ones first, then file by file (paddock.json
     * and --mcp-config files, in the order they were found), each file's in reading order.
     */
    public static ConfigException of(Collection<ConfigException> found) {
        Map<String, List<LocatedJson.Problem>> byFile = new LinkedHashMap<>();
        byFile.put(null, new ArrayList<>());
        for (ConfigException e : found) {
            for (LocatedJson.Problem problem : e.problems) byFile.computeIfAbsent(problem.fileName(), file -> new ArrayList<>()).add(problem);
        }
        return new ConfigException(byFile.values().stream().flatMap(problems -> problems.stream().distinct().sorted()).toList());
    }

    /** Throws {@link #of} the mistakes found, if any. */
    public static void throwIfAny(Collection<ConfigException> found) throws ConfigException {
        if (!found.isEmpty()) throw of(found);
    }
}
