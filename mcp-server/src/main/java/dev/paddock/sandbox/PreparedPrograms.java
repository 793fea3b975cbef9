package dev.paddock.sandbox;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Programs already prepared, by the code exactly as sent. Preparing is a pure function of the text (the
 * shape tried, the parses that confirm it, the TypeScript transpile), and agents resend the same code often:
 * a hit skips all of it, and parsing the cached {@link org.graalvm.polyglot.Source} again is a lookup in the
 * shared engine's own parse cache, which keeps the parsed code as long as the Source is held here.
 *
 * <p>Shared by all isolates like that engine cache: an entry holds text and where it came from, never a
 * value of any context. Bounded by entries and by characters; the least recently used goes first.
 */
final class PreparedPrograms {
    /** Enough for the snippets a few busy sessions repeat; each also keeps its parsed code in the engine. */
    static final int MAX_ENTRIES = 256;
    /** The text held (code as sent plus the program made of it), about 2 bytes a character. */
    static final long MAX_CHARS = 4L << 20;

    private final Map<String, Preparation.Program> programs = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    /** The program prepared earlier from exactly this code, or null. */
    synchronized Preparation.Program get(String code) {
        return programs.get(code);
    }

    /** Keeps a program prepared from {@code code}, dropping the least recently used beyond the bounds. */
    synchronized void put(String code, Preparation.Program program) {
        long weight = weight(code, program);
        if (weight > MAX_CHARS) return;
        Preparation.Program previous = programs.put(code, program);
        if (previous != null) chars -= weight(code, previous);
        chars += weight;
        Iterator<Map.Entry<String, Preparation.Program>> eldest = programs.entrySet().iterator();
        while (programs.size() > MAX_ENTRIES || chars > MAX_CHARS) {
            Map.Entry<String, Preparation.Program> e = eldest.next();
            chars -= weight(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    synchronized int size() {
        return programs.size();
    }

    private static long weight(String code, Preparation.Program program) {
        return (long) code.length() + program.source().getCharacters().length();
    }
}
