package dev.paddock.cli;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.server.PaddockRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import tools.jackson.databind.json.JsonMapper;

/**
 * `paddock aot-training` (hidden): what a JVM recording an AOT cache runs ({@link AotCache}). It serves one
 * MCP session over in-memory stdio with the default config and makes it answer what a client's first minute
 * asks (initialize, the tool list, a few executions that log, await, fail and return values), so the classes
 * and methods of the first answers are the ones the cache holds.
 */
@Command(name = "aot-training", hidden = true, description = "Record the classes of a first session (for the AOT cache).")
final class AotTrainingCommand implements Callable<Integer> {
    private static final List<String> CODE = List.of(
            "return 1 + 1",
            "console.log('hello'); return {items: [1, 2, 3].map(x => x * 2), at: new Date(0).toISOString()}",
            "await new Promise(resolve => setTimeout(resolve, 1)); return 'waited'",
            "throw new Error('an agent mistake')",
            "const rows = Array.from({length: 200}, (_, i) => ({id: i, name: 'n' + i})); "
                    + "return JSON.parse(JSON.stringify(rows)).filter(r => r.id % 2).sort((a, b) => b.id - a.id).length",
            "return {ok: true}");
    private static final int ROUNDS = 5;

    @Override
    public Integer call() throws ConfigException, IOException {
        PipedOutputStream requests = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(requests, 1 << 16);
        PipedInputStream responses = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(responses);
        PaddockRuntime runtime = PaddockCommand.start(PaddockConfig.defaults());
        Thread client = Thread.ofPlatform().name("paddock-aot-client").start(() -> converse(requests, responses));
        runtime.serveStdio(serverIn, serverOut);
        try {
            client.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PaddockCommand.OK;
    }

    private static void converse(OutputStream requests, PipedInputStream responses) {
        try (requests; var reader = new BufferedReader(new InputStreamReader(responses, StandardCharsets.UTF_8))) {
            int id = 0;
            ask(requests, reader, ++id, "initialize", """
                    {"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"paddock-aot-training","version":"1"}}""");
            send(requests, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            ask(requests, reader, ++id, "tools/list", "{}");
            for (int round = 0; round < ROUNDS; round++) {
                for (String code : CODE) {
                    ask(requests, reader, ++id, "tools/call", "{\"name\":\"execute\",\"arguments\":{\"code\":"
                            + JsonMapper.shared().writeValueAsString(code) + "}}");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one request and reads lines until its answer: the server may send notifications first. */
    private static void ask(OutputStream requests, BufferedReader reader, int id, String method, String params)
            throws IOException {
        send(requests, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.contains("\"id\":" + id + ",") || line.contains("\"id\":" + id + "}")) return;
        }
        throw new IOException("the server closed its output before answering " + method);
    }

    private static void send(OutputStream requests, String line) throws IOException {
        requests.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        requests.flush();
    }
}
