package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.sandbox.ExecutionRequest;
import dev.paddock.sandbox.ExecutionResult;
import dev.paddock.server.BoundedClose;
import dev.paddock.server.ExecutionFormatter;
import dev.paddock.server.PaddockRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        InputFile input = InputFile.read(file, app.in(), app.err());
        if (input == null) return PaddockCommand.USAGE;
        String code = input.text();
        var request = new ExecutionRequest(code, Optional.ofNullable(timeoutMs).map(Duration::ofMillis), false);
        PaddockRuntime runtime = PaddockCommand.start(app.config());
        ExecutionResult outcome;
        try {
            outcome = runtime.exec(request);
        } finally {
            BoundedClose.close(runtime);
        }
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
