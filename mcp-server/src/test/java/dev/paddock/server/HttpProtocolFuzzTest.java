package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.config.PaddockConfig;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.transport.http.HttpSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of mutated JSON-RPC bodies and mangled headers against the real HTTP server (real sandbox):
 * every request gets an answer (a JSON-RPC error, a result, or a 4xx), none hangs, and a fresh session
 * still runs code afterwards. The seed is fixed, so a failure replays exactly.
 */
@Timeout(120)
class HttpProtocolFuzzTest {
    private static final long SEED = 20261126L;
    private static final int REQUESTS = 2500;
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");

    private static Sandbox sandbox;
    private static PaddockHttpServer server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        var limits = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20, 64 << 10, 100);
        sandbox = Sandbox.start(limits);
        var settings = HttpSettings.builder().maxBodyBytes(64 * 1024).maxConcurrentPerToken(64).build();
        server = new PaddockHttpServer(settings, sandbox::newIsolate, ProfileGrants.loadAll(PaddockConfig.defaults()),
                false, Duration.ofSeconds(10));
        port = server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (sandbox != null) sandbox.close();
    }

    @Test
    void everyMutatedRequestIsAnsweredAndTheServerStillServesASession() throws Exception {
        String session = initialize();
        var random = new Random(SEED);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) requests.add(mutated(random, session, i));

        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Request request : requests) answers.add(clients.submit(() -> check(request)));
            List<String> problems = new ArrayList<>();
            for (Future<String> answer : answers) {
                String problem = answer.get();
                if (problem != null && problems.size() < 10) problems.add(problem);
            }
            assertThat(problems).as("requests without a proper answer").isEmpty();
        } finally {
            clients.shutdownNow();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

        String fresh = initialize();
        String answer = send(new Request(post(fresh, "application/json", "application/json",
                call(1, "6 * 7"))));
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"structuredContent\":{\"result\":42");
    }

    // ---- what counts as answered

    private static String check(Request request) {
        String response;
        try {
            response = send(request);
        } catch (SocketTimeoutException e) {
            return "no answer within 15 s to:\n" + request.text();
        } catch (IOException e) {
            // Netty may close the connection on a request it cannot parse at all; only the HTTP layer may.
            return request.text().startsWith("POST /mcp HTTP/1.1\r\n") && !request.mangledHeaders()
                    ? "connection dropped (" + e + ") for:\n" + request.text() : null;
        }
        Matcher status = STATUS.matcher(response);
        if (!status.find()) {
            return request.mangledHeaders() && response.isEmpty() ? null : "no status line: " + response + "\nfor:\n" + request.text();
        }
        int code = Integer.parseInt(status.group(1));
        if (code >= 500) return "server error " + code + ": " + response + "\nfor:\n" + request.text();
        return null;
    }

    // ---- the mutations

    private record Request(String text, boolean mangledHeaders) {
        Request(String text) {
            this(text, false);
        }
    }

    private static Request mutated(Random random, String session, int i) {
        String body = mutateBody(random, seed(random, i));
        if (random.nextInt(5) > 0) return new Request(post(session, "application/json", "application/json", body));
        return switch (random.nextInt(8)) {
            case 0 -> new Request(post(null, "application/json", "application/json", body), true);
            case 1 -> new Request(post("bogus-" + random.nextInt(1000), "application/json", "application/json", body), true);
            case 2 -> new Request(post(session, "text/plain", "application/json", body), true);
            case 3 -> new Request(post(session, "application/json", "image/png", body), true);
            case 4 -> new Request(post(session, "application/json", "application/json, text/event-stream", body)
                    .replace("\r\n\r\n", "\r\nMCP-Protocol-Version: 1999-01-01\r\n\r\n"), true);
            case 5 -> new Request(post(session, "application/json", "application/json", body)
                    .replace("\r\n\r\n", "\r\nX-Long: " + "x".repeat(20_000) + "\r\n\r\n"), true);
            case 6 -> new Request(post(session, "application/json", "application/json", body)
                    .replace("\r\n\r\n", "\r\nOrigin: http://evil.example\r\n\r\n"), true);
            default -> new Request("GARBAGE /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", true);
        };
    }

    private static String seed(Random random, int i) {
        return switch (random.nextInt(8)) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/list\"}";
            case 1 -> call(i, "[1, 2, 3].map((x) => x * 2)");
            case 2 -> "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"ping\"}";
            case 3 -> "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + i + "}}";
            case 4 -> "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}";
            case 5 -> "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"result\":{}}";
            case 6 -> "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"resources/list\"}";
            default -> "{\"jsonrpc\":\"2.0\",\"id\":\"s" + i + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}";
        };
    }

    private static String mutateBody(Random random, String body) {
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            body = switch (random.nextInt(10)) {
                case 0, 1, 2 -> mutateTree(random, body);
                case 3 -> body.isEmpty() ? body : body.substring(0, random.nextInt(body.length()));
                case 4 -> flipChar(random, body);
                case 5 -> "[" + body + "," + body + "]";
                case 6 -> "[".repeat(2000) + "]".repeat(2000);
                case 7 -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
                case 8 -> "";
                default -> body;
            };
        }
        return body;
    }

    private static String mutateTree(Random random, String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (RuntimeException e) {
            return flipChar(random, body);
        }
        if (!(tree instanceof ObjectNode object)) return body;
        String[] fields = {"jsonrpc", "id", "method", "params", "result", "error"};
        String field = fields[random.nextInt(fields.length)];
        switch (random.nextInt(4)) {
            case 0 -> object.remove(field);
            case 1 -> object.set(field, oddValue(random));
            case 2 -> {
                if (object.get("params") instanceof ObjectNode params) {
                    String[] keys = {"name", "arguments", "requestId", "protocolVersion", "_meta", "cursor"};
                    params.set(keys[random.nextInt(keys.length)], oddValue(random));
                } else {
                    object.set("params", oddValue(random));
                }
            }
            default -> object.put("method", new String[] {"tools/call", "", "rpc.discover", "notifications/cancelled",
                    "logging/setLevel", "x".repeat(5000)}[random.nextInt(6)]);
        }
        return JSON.writeValueAsString(object);
    }

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(Long.MAX_VALUE);
            case 2 -> NODES.numberNode(-1.5e308);
            case 3 -> NODES.stringNode("\u0000\uFFFF\uD800");
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < random.nextInt(5); i++) array.add(i);
                yield array;
            }
            case 6 -> NODES.objectNode().put("code", "while (true) {}").put("timeoutMs", 50);
            case 7 -> NODES.objectNode().put("name", "execute").set("arguments", NODES.objectNode().put("code", 7));
            default -> NODES.stringNode("s".repeat(random.nextInt(100)));
        };
    }

    private static String flipChar(Random random, String body) {
        if (body.isEmpty()) return "{";
        char[] chars = body.toCharArray();
        String replacements = "{}[]\",:\\0a \u00e9";
        chars[random.nextInt(chars.length)] = replacements.charAt(random.nextInt(replacements.length()));
        return new String(chars);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    // ---- the wire

    private static String call(int id, String code) {
        var params = NODES.objectNode().put("name", "execute");
        params.set("arguments", NODES.objectNode().put("code", code));
        var message = NODES.objectNode().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call");
        message.set("params", params);
        return JSON.writeValueAsString(message);
    }

    private static String post(String session, String contentType, String accept, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType + "\r\nAccept: "
                + accept + "\r\n" + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static String initialize() throws IOException {
        String response = send(new Request(post(null, "application/json", "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}")));
        Matcher id = Pattern.compile("(?i)mcp-session-id: (\\S+)").matcher(response);
        assertThat(id.find()).as(response).isTrue();
        String session = id.group(1);
        send(new Request(post(session, "application/json", "application/json",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
        return session;
    }

    /** Sends the request bytes as given and reads the whole response (the connection closes after it). */
    private static String send(Request request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.text().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            var response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
