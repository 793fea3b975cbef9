package dev.paddock.cli;

import dev.paddock.conformance.ConformanceFixture;
import dev.paddock.config.ConfigException;
import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.server.PaddockServer;
import dev.paddock.server.ProfileGrants;
import dev.paddock.server.SessionHostApi;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.paddock.server.ExtraFeatures;
import dev.paddock.server.PaddockHttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

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
        HttpConfig httpConfig = HttpConfig.read(config, at.host(), at.port(), allowUnauthenticated, System::getenv);
        // The fixture's capability is available only with the flag, and granted by the config like any other.
        Map<String, ProfileGrants> profiles = ProfileGrants.loadAll(config,
                httpConfig.conformanceFixture() ? List.of(ConformanceFixture.capability()) : List.of());
        Limits limits = profiles.get(Profile.DEFAULT).profile().limits();
        CompletableFuture<Sandbox> sandbox = startSandbox(limits, config.capacity());
        PaddockHttpServer server;
        int port;
        try {
            server = new PaddockHttpServer(httpConfig.settings(), (api, profileLimits) -> sandbox.join().newIsolate(api, profileLimits), profiles,
                    stateless, httpConfig.maxQueue(),
                    httpConfig.conformanceFixture() ? ConformanceFixture.serverFeatures() : ExtraFeatures.NONE);
            port = server.start();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ConfigException("cannot serve HTTP: " + e.getMessage());
        }
        String host = at.host().contains(":") ? "[" + at.host() + "]" : at.host();
        log.info("paddock {} serving MCP over Streamable HTTP at http://{}:{}/mcp ({}{})", PaddockServer.version(),
                host, port, httpConfig.settings().tokens().isEmpty() ? "no authentication" : "bearer tokens",
                stateless ? ", stateless" : "");
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: finishing running executions (up to {})", httpConfig.settings().shutdownGrace());
            server.close();
            sandbox.thenAccept(Sandbox::close);
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

    private static CompletableFuture<Sandbox> startSandbox(Limits limits, Capacity capacity) {
        CompletableFuture<Sandbox> sandbox = CompletableFuture.supplyAsync(() -> {
                    Sandbox started = Sandbox.start(limits, capacity);
                    SessionHostApi.dropStateOnEviction(started);
                    return started;
                },
                runnable -> Thread.ofPlatform().daemon().name("paddock-sandbox-start").start(runnable));
        sandbox.thenAccept(started -> log.info("sandbox ready: {}", runtimeName(started)))
                .exceptionally(e -> {
                    log.error("the sandbox failed to start; execute calls will fail", e);
                    return null;
                });
        return sandbox;
    }

    static int serve(PaddockCommand app) throws ConfigException {
        PaddockConfig config = app.config();
        return serveStdio(ProfileGrants.loadAll(config).get(Profile.DEFAULT), app.in(), app.out());
    }

    /** Serves one MCP session over the streams until the input ends; also the embedding API's way in. */
    public static int serveStdio(ProfileGrants grants, InputStream in, OutputStream out) {
        Limits limits = grants.profile().limits();
        // The engine takes a second or more to start; answer `initialize` meanwhile, and let the first
        // `execute` wait for it.
        CompletableFuture<Sandbox> sandbox = startSandbox(limits, grants.capacity());
        PaddockServer server = PaddockServer.overStdio(in, out, api -> sandbox.join().newIsolate(api), grants);
        log.info("paddock {} serving MCP over stdio", PaddockServer.version());
        server.closed().join();
        log.info("stdin ended, shutting down");
        BoundedClose.close(server, () -> sandbox.thenAccept(Sandbox::close).getNow(null));
        return PaddockCommand.OK;
    }

    private static String runtimeName(Sandbox sandbox) {
        return "optimizing".equals(sandbox.runtimeMode()) ? "GraalJS optimizing runtime" : "GraalJS interpreter";
    }
}
