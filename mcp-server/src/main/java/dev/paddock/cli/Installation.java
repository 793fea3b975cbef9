package dev.paddock.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where this Paddock runs from, as absolute paths an MCP client can use: a checkout of the repository (with its
 * launcher), the self-contained jar, and the java binary running now (a JDK 25+, or Paddock would not run).
 *
 * @param checkout the repository root, when Paddock runs from its build
 * @param jar      paddock.jar: the one running, or the checkout's build
 */
record Installation(Optional<Path> checkout, Optional<Path> jar, Path java) {
    static final String JAR_NAME = "paddock.jar";

    static Installation current() {
        Optional<Path> code = codeLocation();
        Optional<Path> checkout = code.flatMap(Installation::checkout);
        Optional<Path> jar = code.filter(c -> c.getFileName().toString().equals(JAR_NAME) && Files.isRegularFile(c))
                .or(() -> checkout.map(root -> root.resolve("mcp-server/target/" + JAR_NAME)).filter(Files::isRegularFile));
        return new Installation(checkout, jar, Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** The checkout's scripts/paddock, which finds the JDK and rebuilds paddock.jar when sources changed. */
    Optional<Path> launcher() {
        return checkout.map(root -> root.resolve("scripts/paddock"));
    }

    /** The checkout's paddock.schema.json, the file editors read through "$schema". */
    Optional<Path> schema() {
        return checkout.map(root -> root.resolve("mcp-server/src/main/resources/paddock.schema.json")).filter(Files::isRegularFile);
    }

    /** What a user types here to run Paddock: the launcher, else java -jar; empty when neither is known. */
    List<String> command() {
        return launcher().map(launcher -> List.of(launcher.toString()))
                .or(() -> jar.map(j -> List.of(java.toString(), "-jar", j.toString())))
                .orElse(List.of());
    }

    /**
     * The command an MCP client should start: the launcher, else java -jar with the launcher's JVM settings.
     */
    List<String> serverCommand() {
        if (launcher().isPresent()) return command();
        return jar.map(this::javaJar).orElse(List.of());
    }

    /**
     * java -jar with the JVM settings of scripts/paddock ({@link JarLauncher#settings}), so that the heap guard
     * works the same way and the jar need not start its JVM a second time to add them.
     */
    List<String> javaJar(Path paddockJar) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        // Truffle still calls sun.misc.Unsafe; without this JDK 25 prints a warning block on every start.
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(JarLauncher.settings(System.getenv("PADDOCK_HEAP")));
        command.add("-jar");
        command.add(paddockJar.toString());
        return command;
    }

    /** The jar or classes folder Paddock's own classes come from. */
    private static Optional<Path> codeLocation() {
        try {
            var source = PaddockCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The repository root above mcp-server/target/…, recognised by its launcher. */
    private static Optional<Path> checkout(Path code) {
        for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/paddock")) && Files.isDirectory(dir.resolve("mcp-server"))) {
                return Optional.of(dir);
            }
            if (dir.getFileName() != null && !List.of("target", "mcp-server", "classes").contains(dir.getFileName().toString())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
