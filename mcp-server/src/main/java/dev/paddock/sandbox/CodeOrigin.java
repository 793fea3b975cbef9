package dev.paddock.sandbox;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Where the running source came from, to map an engine position back to the agent's own line and column:
 * undo the wrapper (and an inserted {@code return}), then the TypeScript source map if the code was
 * TypeScript, then the markdown fence.
 *
 * @param code       the code as sent
 * @param wrapped    the normalised source the engine ran
 * @param typeScript the map from transpiled JavaScript back to the agent's TypeScript, or null
 */
record CodeOrigin(AgentCode code, CodeNormalizer.Wrapped wrapped, SourceMap typeScript) {

    /** The source name that marks the agent's frames in stack traces. */
    static final String SOURCE_NAME = "agent.js";

    /** A 1-based position in the code as sent, with the text of its line. */
    record Position(int line, int column, String sourceLine) {}

    Position map(int line, int column) {
        int[] p = wrapped.toBody(line, column);
        if (typeScript != null) {
            p = typeScript.original(p[0], p[1]);
            if (p == null) return null;
        }
        int agentLine = code.originalLine(p[0]);
        String text = code.sourceLine(agentLine);
        if (text == null) return null;
        return new Position(agentLine, Math.max(1, Math.min(p[1], text.length() + 1)), text);
    }

    /** The position of the innermost agent frame of an exception, or null when none is in agent code. */
    Position map(PolyglotException e) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection s = frame.getSourceLocation();
            if (s != null && s.isAvailable() && SOURCE_NAME.equals(s.getSource().getName())) {
                return map(s.getStartLine(), s.getStartColumn());
            }
        }
        SourceSection s = e.getSourceLocation();
        if (s != null && s.isAvailable() && SOURCE_NAME.equals(s.getSource().getName())) {
            return map(s.getStartLine(), s.getStartColumn());
        }
        return null;
    }
}
