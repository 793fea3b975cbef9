package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.server.PaddockServer;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `paddock serve`: MCP over stdio until stdin ends, then exit. */
@Command(name = "serve", description = "Serve MCP over stdio (the default). Exits when stdin ends.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    PaddockCommand app;

    @Override
    public Integer call() throws ConfigException {
        return serve(app);
    }

    static int serve(PaddockCommand app) throws ConfigException {
        PaddockConfig config = app.config();
        try (Sandbox sandbox = Sandbox.start(config.limits());
                PaddockServer server = PaddockServer.overStdio(app.in(), app.out(), sandbox)) {
            log.info("paddock {} serving MCP over stdio, {}", PaddockServer.version(), runtimeName(sandbox));
            server.closed().join();
            log.info("stdin ended, shutting down");
        }
        return PaddockCommand.OK;
    }

    private static String runtimeName(Sandbox sandbox) {
        return "optimizing".equals(sandbox.runtimeMode()) ? "GraalJS optimizing runtime" : "GraalJS interpreter";
    }
}
