package dev.paddock.cli;

import dev.paddock.config.ConfigException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `paddock serve`: MCP over stdio until stdin ends, then exit. */
@Command(name = "serve", description = "Serve MCP over stdio (the default). Exits when stdin ends.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    PaddockCommand app;

    @Override
    public Integer call() throws ConfigException {
        return serve(app);
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
        CompletableFuture<Sandbox> sandbox = CompletableFuture.supplyAsync(() -> {
                    Sandbox started = Sandbox.start(limits);
                    SessionHostApi.dropStateOnEviction(started);
                    return started;
                },
                runnable -> Thread.ofPlatform().daemon().name("paddock-sandbox-start").start(runnable));
        PaddockServer server = PaddockServer.overStdio(in, out, api -> sandbox.join().newIsolate(api), grants);
        log.info("paddock {} serving MCP over stdio", PaddockServer.version());
        sandbox.thenAccept(started -> log.info("sandbox ready: {}", runtimeName(started)))
                .exceptionally(e -> {
                    log.error("the sandbox failed to start; execute calls will fail", e);
                    return null;
                });
        server.closed().join();
        log.info("stdin ended, shutting down");
        BoundedClose.close(server, () -> sandbox.thenAccept(Sandbox::close).getNow(null));
        return PaddockCommand.OK;
    }

    private static String runtimeName(Sandbox sandbox) {
        return "optimizing".equals(sandbox.runtimeMode()) ? "GraalJS optimizing runtime" : "GraalJS interpreter";
    }
}
