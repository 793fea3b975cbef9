package dev.paddock.transport;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads newline-delimited lines with a size cap, so one endless line cannot exhaust the heap: the rest of
 * an over-long line is skipped and reported as {@link #TOO_LONG}.
 */
final class LineReader {
    static final String TOO_LONG = new String("<line too long>"); // compared by identity

    private final Reader in;
    private final int maxChars;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator (\n or \r\n), {@link #TOO_LONG}, or null at end of input. */
    String next() throws IOException {
        var line = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') return finish(line, tooLong);
            if (line.length() >= maxChars) tooLong = true;
            else line.append((char) c);
        }
        return line.isEmpty() && !tooLong ? null : finish(line, tooLong);
    }

    private static String finish(StringBuilder line, boolean tooLong) {
        if (tooLong) return TOO_LONG;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        return line.toString();
    }
}
