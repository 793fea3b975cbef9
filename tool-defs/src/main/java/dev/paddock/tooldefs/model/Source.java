package dev.paddock.tooldefs.model;

import dev.paddock.tooldefs.Diagnostic;

/** The text of one input file, able to turn an offset into a {@link Diagnostic}. */
public record Source(String fileName, String text) {

    public Diagnostic diagnostic(int offset, String message) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String sourceLine = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        if (sourceLine.endsWith("\r")) {
            sourceLine = sourceLine.substring(0, sourceLine.length() - 1);
        }
        return new Diagnostic(fileName, line, at - lineStart + 1, message, sourceLine);
    }
}
