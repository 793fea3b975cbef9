package dev.paddock.config;

import java.util.Map;

/**
 * The top-level {@code "logging"} section: how much the server logs and in what form, always on stderr.
 * It lives in paddock.json because MCP clients start servers with a command and arguments, not JVM flags.
 *
 * @param loggers levels for single loggers by name, e.g. {@code "paddock.audit": "debug"} for the audit trail
 */
public record LogSettings(Level level, Format format, Map<String, Level> loggers) {
    public static final LogSettings DEFAULTS = new LogSettings(Level.INFO, Format.TEXT, Map.of());

    public enum Level { ERROR, WARN, INFO, DEBUG, TRACE, OFF }

    /** One line per event: {@code 12:00:00.000 INFO Logger - message}, or one JSON object. */
    public enum Format { TEXT, JSON }

    public LogSettings {
        loggers = Map.copyOf(loggers);
    }

    /** These settings with {@code level} for everything not named in {@link #loggers}. */
    public LogSettings withLevel(Level level) {
        return new LogSettings(level, format, loggers);
    }
}
