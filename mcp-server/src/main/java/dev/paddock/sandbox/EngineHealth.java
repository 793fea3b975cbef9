package dev.paddock.sandbox;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.PolyglotException;

/**
 * What the process does when the JVM ran out of memory, or a class failed to initialise, while guest code
 * ran. Nothing in the process can be trusted after that: an OutOfMemoryError inside a static initialiser
 * breaks that class for good, and every later use of it fails ({@code NoClassDefFoundError: Could not
 * initialize class …JSONStringifyNodeGen} in every session, seen once). Recreating the engine does not help
 * (classes are the JVM's), so the server says so on stderr and exits with {@link #EXIT_STATUS}, for a
 * supervisor to start it again with a clean heap — instead of serving broken answers until someone notices.
 *
 * <p>The guards (prelude guards.js, the heap guard) exist so that this does not happen; this is the last line.
 */
final class EngineHealth {

    /** EX_SOFTWARE from sysexits.h: an internal error, worth restarting. */
    static final int EXIT_STATUS = 70;
    /** How long the shutdown hooks get before the process is halted anyway. */
    private static final long HALT_AFTER_MILLIS = 10_000;

    private EngineHealth() {}

    /**
     * Exits the process (see the class comment) if {@code failure} says the JVM can no longer be trusted; the
     * calling thread then never returns, so the failed execution is not answered.
     */
    static void check(Throwable failure) {
        String why = fatal(failure);
        if (why == null) return;
        exit(why);
        // No answer leaves a JVM that can no longer be trusted: this thread waits for the exit (or the halt).
        while (true) LockSupport.park(EngineHealth.class);
    }

    /** The reason the JVM can no longer be trusted after {@code failure}, or null when it can. */
    static String fatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof LinkageError) return t.toString();
            if (t instanceof PolyglotException p) {
                if (p.isResourceExhausted() && !mentionsStack(p.getMessage())) return "the engine ran out of a resource: " + p.getMessage();
                // The engine reports its own failures as internal errors, naming the Java error in the message.
                if (p.isInternalError() && names(p.getMessage(), "OutOfMemoryError", "NoClassDefFoundError", "ExceptionInInitializerError")) {
                    return "the engine failed: " + p.getMessage();
                }
            }
        }
        return null;
    }

    private static boolean names(String message, String... errors) {
        if (message == null) return false;
        for (String error : errors) if (message.contains(error)) return true;
        return false;
    }

    private static boolean mentionsStack(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("stack");
    }

    private static void exit(String why) {
        System.err.println("paddock: fatal: " + why + " while running agent code; the JVM may be left broken "
                + "(a class whose initialiser ran out of memory stays unusable), so the server exits with status "
                + EXIT_STATUS + " to be restarted with a clean heap");
        System.err.flush();
        Thread.ofPlatform().daemon().name("paddock-halt").start(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_STATUS);
        });
        // Not on this thread: exit() waits for the shutdown hooks, and a hook may wait for this execution.
        Thread.ofPlatform().name("paddock-exit").start(() -> System.exit(EXIT_STATUS));
    }
}
