package dev.paddock.sandbox;

/**
 * Why an execution failed, pointing at the agent's own code.
 *
 * @param kind       what stopped it: syntax, runtime, wall-time, cpu-time, cancelled, output, memory,
 *                   code-size, internal
 * @param name       the JS error name (SyntaxError, TypeError, ...) or the limit's name
 * @param message    a message written for the agent: what happened and what to do next
 * @param line       1-based line in the code as the agent sent it, or null when unknown
 * @param column     1-based column in that line, or null when unknown
 * @param sourceLine the text of that line, or null
 * @param isolateReset true when the session's globals were lost because the isolate had to be reset
 */
public record ExecutionError(
        String kind,
        String name,
        String message,
        Integer line,
        Integer column,
        String sourceLine,
        boolean isolateReset) {}
