package dev.paddock.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.paddock.config.LogSettings;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Paddock's log: logback, set up in code (no XML to parse at startup), always on stderr because stdout
 * is the MCP stdio protocol. Logback finds this class through {@code META-INF/services} and gets the
 * defaults before the first line is logged; the CLI then applies paddock.json's {@code "logging"} and
 * {@code --log-level}. An explicit logback configuration (logback.xml, {@code -Dlogback.configurationFile})
 * wins over both, so a host embedding Paddock keeps its own.
 */
public final class Logging extends ContextAwareBase implements Configurator {
    private static final String APPENDER = "stderr";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hostConfigured()) return ExecutionStatus.NEUTRAL;
        apply(context, LogSettings.DEFAULTS);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Applies {@code settings} to the process's log; does nothing when SLF4J is bound to another backend or
     * logback has a configuration of its own.
     */
    static void apply(LogSettings settings) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !hostConfigured()) apply(context, settings);
    }

    private static void apply(LoggerContext context, LogSettings settings) {
        context.reset();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, settings.format()));
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(level(settings.level()));
        settings.loggers().forEach((name, level) -> context.getLogger(name).setLevel(level(level)));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogSettings.Format format) {
        Encoder<ILoggingEvent> encoder = switch (format) {
            case TEXT -> {
                var text = new PatternLayoutEncoder();
                text.setPattern("%d{HH:mm:ss.SSS} %level %logger{0} - %msg%n");
                yield text;
            }
            case JSON -> {
                // One object per line with what a log pipeline needs; the rest (sequence numbers, the
                // unformatted message and its arguments, logback's context) only makes lines longer.
                var json = new JsonEncoder();
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                json.setWithContext(false);
                json.setWithThreadName(false);
                json.setWithMDC(false);
                json.setWithMessage(false);
                json.setWithArguments(false);
                json.setWithFormattedMessage(true);
                yield json;
            }
        };
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Level level(LogSettings.Level level) {
        return Level.toLevel(level.name().toLowerCase(Locale.ROOT));
    }

    /** Whether logback's own configuration is at hand, as logback itself would look for it. */
    private static boolean hostConfigured() {
        ClassLoader loader = Logging.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null || loader.getResource("logback.xml") != null
                || loader.getResource("logback-test.xml") != null;
    }
}
