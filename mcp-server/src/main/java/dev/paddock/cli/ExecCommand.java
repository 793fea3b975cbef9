package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.server.BoundedClose;
import dev.paddock.config.Profile;
import dev.paddock.server.ProfileGrants;
import dev.paddock.sandbox.ExecutionListener;
import dev.paddock.sandbox.ExecutionRequest;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.server.ExecutionFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `paddock exec FILE|-`: one script in a fresh isolate; result on stdout, logs and errors on stderr. */
@Command(name = "exec", description = "Run one script in a fresh isolate and print its result as JSON. "
        + "Logs go to stderr as `[level] message`; a failure prints the error there and exits with 1.")
final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    PaddockCommand app;

    @Parameters(paramLabel = "FILE", description = "The script to run, or - to read it from stdin.")
    String file;

    @Option(names = "--timeout-ms", paramLabel = "MS",
            description = "Wall-time limit in milliseconds; can only lower the configured limit.")
    Long timeoutMs;

    @Override
    public Integer call() throws ConfigException, IOException {
        if (timeoutMs != null && timeoutMs < 1) {
            app.err().println("paddock: --timeout-ms must be at least 1");
            return PaddockCommand.USAGE;
        }
        String code;
        try {
            code = "-".equals(file)
                    ? new String(app.in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (IOException e) {
            app.err().println("paddock: cannot read " + file + ": " + e.getMessage());
            return PaddockCommand.USAGE;
        }
        ProfileGrants grants = ProfileGrants.loadAll(app.config()).get(Profile.DEFAULT);
        var limits = grants.profile().limits();
        var request = new ExecutionRequest(code, Optional.ofNullable(timeoutMs).map(Duration::ofMillis), false);
        Sandbox sandbox = Sandbox.start(limits, grants.capacity());
        Isolate isolate = sandbox.newIsolate(grants.newSession());
        ExecutionResult outcome = isolate.submit(request, ExecutionListener.NONE).result().join();
        BoundedClose.close(isolate, sandbox);
        var formatter = new ExecutionFormatter();
        outcome.logs().forEach(entry -> app.err().println(ExecutionFormatter.logLine(entry)));
        switch (outcome) {
            case ExecutionResult.Failed failed -> {
                app.err().println(formatter.errorText(failed.error()));
                return PaddockCommand.SCRIPT_FAILED;
            }
            case ExecutionResult.Succeeded ok ->
                    app.out().write((formatter.resultJson(ok) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        app.out().flush();
        return PaddockCommand.OK;
    }
}
