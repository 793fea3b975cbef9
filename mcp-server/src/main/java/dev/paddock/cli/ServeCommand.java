package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.server.PaddockRuntime;
import dev.paddock.transport.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** `paddock serve`: MCP over stdio until stdin ends, then exit; or over Streamable HTTP with --http. */
@Command(name = "serve", description = {
        "Serve MCP over stdio (the default; exits when stdin ends), or over Streamable HTTP with --http",
        "(until SIGTERM/SIGINT, which lets running executions finish up to http.shutdownGraceMs)."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    PaddockCommand app;

    @Option(names = "--http", paramLabel = "[HOST:]PORT",
            description = "Serve Streamable HTTP on /mcp (host defaults to 127.0.0.1; port 0 picks a free one).")
    String http;

    @Option(names = "--stateless", description = "HTTP: no sessions. No Mcp-Session-Id is issued and every POST "
            + "stands alone: each execute runs in a fresh isolate discarded after it (no globals or in-memory state "
            + "carry over), GET and DELETE answer 405, and the server cannot ask the client anything (no sampling or "
            + "elicitation).")
    boolean stateless;

    @Option(names = "--allow-unauthenticated", description = "HTTP: allow a non-loopback address without "
            + "http.tokens (only behind something else that authenticates callers).")
    boolean allowUnauthenticated;

    @Override
    public Integer call() throws ConfigException {
        if (http == null) {
            if (stateless || allowUnauthenticated) {
                throw new ParameterException(spec.commandLine(), "--stateless and --allow-unauthenticated need --http");
            }
            return serve(app);
        }
        return serveHttp();
    }

    @Spec
    CommandSpec spec;

    private int serveHttp() throws ConfigException {
        HostPort at = HostPort.parse(spec.commandLine(), http);
        PaddockConfig config = app.config();
        List<ConfigException> problems = new ArrayList<>();
        HttpConfig httpConfig = HttpConfig.read(config, at.host(), at.port(), allowUnauthenticated, System::getenv, problems);
        PaddockRuntime runtime = PaddockCommand.start(config, problems);
        try {
            runtime.serveHttp(httpConfig.settings(), stateless, httpConfig.maxQueue());
        } catch (ConfigException e) {
            runtime.close();
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: finishing running executions (up to {})", Durations.human(httpConfig.settings().shutdownGrace()));
            runtime.close();
            stopped.countDown();
        }, "paddock-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PaddockCommand.OK;
    }

    /** {@code PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}. */
    record HostPort(String host, int port) {
        static HostPort parse(CommandLine cli, String text) {
            int colon = text.lastIndexOf(':');
            String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port < 0 || port > 65535 || host.isBlank()) throw new NumberFormatException();
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw new ParameterException(cli, "--http expects [HOST:]PORT with PORT 0-65535, got '" + text + "'");
            }
        }
    }

    static int serve(PaddockCommand app) throws ConfigException {
        PaddockRuntime runtime;
        try {
            runtime = PaddockCommand.start(app.config());
        } catch (ConfigException e) {
            throw McpClientEnvironment.explain(e);
        }
        runtime.serveStdio(app.in(), app.out());
        return PaddockCommand.OK;
    }
}
