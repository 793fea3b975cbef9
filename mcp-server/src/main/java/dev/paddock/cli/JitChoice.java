package dev.paddock.cli;

import java.lang.module.ModuleFinder;
import java.util.List;
import java.util.Optional;

/**
 * Whether a JVM about to be started can run GraalJS's optimizing runtime, decided before it starts, from what
 * the launching JVM knows: the Graal compiler must match the JDK's JVMCI (same feature release, a compiler no
 * newer than the JDK update: compiler 25.0.3 runs on Temurin 25.0.3, 25.0.4 refuses it), the JDK must have
 * JVMCI, and the user must not have asked for the interpreter. scripts/paddock runs {@code java -jar}, so this
 * is the one place that decides. No GraalJS class is used here: {@code java -jar} decides this before GraalJS
 * is on its module path.
 */
final class JitChoice {
    static final String JVMCI_MODULE = "jdk.internal.vm.ci";

    private JitChoice() {}

    /**
     * Empty when the JIT can run; otherwise why not, as one clause for "GraalJS runs interpreted: ...".
     *
     * @param graalJs   the GraalJS version that will run
     * @param jitSwitch PADDOCK_JIT: on (or unset) or off
     */
    static Optional<String> unavailable(String graalJs, String jitSwitch) {
        if ("off".equals(jitSwitch)) return Optional.of("PADDOCK_JIT=off");
        if (!jdkFits(graalJs)) {
            return Optional.of("GraalJS " + graalJs + " optimizes on JDK " + Runtime.Version.parse(graalJs).feature()
                    + " from update " + graalJs + " on; this is JDK " + Runtime.version());
        }
        if (ModuleFinder.ofSystem().find(JVMCI_MODULE).isEmpty()) {
            return Optional.of("this JDK has no JVMCI (module " + JVMCI_MODULE + "); use one that has, e.g. Temurin");
        }
        return Optional.empty();
    }

    /** PADDOCK_JIT as given: on (the default) or off; anything else is refused, naming the value. */
    static String jitSwitch(String value) {
        if (value == null || value.isBlank()) return "on";
        String v = value.strip();
        if (!v.equals("on") && !v.equals("off")) {
            throw new IllegalArgumentException("PADDOCK_JIT must be on or off (got '" + value + "')");
        }
        return v;
    }

    /** The Graal compiler refuses a JDK of another feature release or an older update than its own. */
    static boolean jdkFits(String graalJs) {
        Runtime.Version graal;
        try {
            graal = Runtime.Version.parse(graalJs);
        } catch (IllegalArgumentException e) {
            return true; // an unknown version: let the later checks speak
        }
        Runtime.Version jdk = Runtime.version();
        return jdk.feature() == graal.feature() && compare(jdk.version(), graal.version()) >= 0;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) return c;
        }
        return 0;
    }
}
