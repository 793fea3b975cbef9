package dev.paddock.sandbox;

/** One console line printed by agent code, in print order. Level is log, info, warn, error or debug. */
public record LogEntry(String level, String message) {}
