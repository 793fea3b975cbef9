package dev.paddock.server;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.sandbox.HostApi;
import dev.paddock.sandbox.Isolate;
import dev.paddock.sandbox.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw JSON-RPC client for an in-process Paddock server on piped "stdin"/"stdout": tests write exact
 * lines, including broken ones, and read what the server wrote, line by line.
 */
final class StdioClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final PaddockServer server;
    private final OutputStream toServer;
    private final LinkedBlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<String> rawLines = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A server granting nothing, with the given limits. */
    StdioClient(Function<HostApi, Isolate> newIsolate, Limits limits) throws IOException {
        this(newIsolate, grants(limits));
    }

    StdioClient(Function<HostApi, Isolate> newIsolate, ProfileGrants grants) throws IOException {
        Pipe stdin = Pipe.open();
        Pipe stdout = Pipe.open();
        toServer = Channels.newOutputStream(stdin.sink());
        server = PaddockServer.overStdio(
                Channels.newInputStream(stdin.source()), Channels.newOutputStream(stdout.sink()), newIsolate, grants,
                ExtraFeatures.NONE);
        var reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(stdout.source()), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("test-client-reader").start(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    rawLines.add(line);
                    incoming.add(JsonMapper.shared().readTree(line));
                }
            } catch (IOException ignored) {
                // the server side closed
            }
        });
    }

    private static ProfileGrants grants(Limits limits) {
        try {
            Path dir = Files.createTempDirectory("paddock-test-config");
            Path file = dir.resolve("paddock.json");
            Files.writeString(file, "{\"limits\": {\"wallTimeMs\": " + limits.wallTime().toMillis() + ", \"cpuTimeMs\": "
                    + limits.cpuTime().toMillis() + ", \"maxResultBytes\": " + limits.maxResultBytes() + ", \"maxLogBytes\": "
                    + limits.maxLogBytes() + ", \"maxLogLines\": " + limits.maxLogLines() + "}}");
            return ProfileGrants.loadAll(PaddockConfig.load(file)).get(Profile.DEFAULT);
        } catch (IOException | ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String line) {
        try {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request and waits for the response with its id. */
    JsonNode request(int id, String method, String paramsJson) {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return responseTo(id);
    }

    JsonNode responseTo(Object id) {
        JsonNode idNode = JsonMapper.shared().valueToTree(id);
        return await(m -> !m.has("method") && idNode.equals(m.get("id")), "a response to id " + id);
    }

    JsonNode initialize(String protocolVersion) {
        JsonNode response = request(0, "initialize", """
                {"protocolVersion":"%s","capabilities":{},"clientInfo":{"name":"test","version":"1"}}"""
                .formatted(protocolVersion));
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return response;
    }

    JsonNode callExecute(int id, String argumentsJson, String metaJson) {
        send("""
                {"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"execute","arguments":%s%s}}"""
                .formatted(id, argumentsJson, metaJson == null ? "" : ",\"_meta\":" + metaJson));
        return responseTo(id);
    }

    /** The first message (already received or still to come) that matches. */
    JsonNode await(Predicate<JsonNode> wanted, String what) {
        synchronized (seen) {
            for (JsonNode m : seen) if (wanted.test(m)) return m;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = incoming.poll(50, TimeUnit.MILLISECONDS);
                if (m == null) continue;
                synchronized (seen) {
                    seen.add(m);
                }
                if (wanted.test(m)) return m;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + what + " within " + WAIT + "; received " + seen);
    }

    List<JsonNode> received() {
        synchronized (seen) {
            incoming.drainTo(seen);
            return List.copyOf(seen);
        }
    }

    List<String> rawLines() {
        return rawLines;
    }

    /** Ends "stdin", as a client does when it goes away. */
    void endInput() throws IOException {
        toServer.close();
    }

    @Override
    public void close() throws IOException {
        endInput();
        server.closed().orTimeout(10, TimeUnit.SECONDS).join();
        server.close();
    }
}
