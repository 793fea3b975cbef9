package dev.paddock.tooldefs;

/** One problem in an input file, at a 1-based line and column. */
public record Diagnostic(String file, int line, int column, String message, String sourceLine) {

    /** {@code FILE:LINE:COL: message}, then the source line and a caret under the column. */
    public String format() {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return file + ":" + line + ":" + column + ": " + message + "\n" + sourceLine + "\n" + caret + "^";
    }
}
