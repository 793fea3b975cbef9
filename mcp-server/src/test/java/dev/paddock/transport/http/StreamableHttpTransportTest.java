package dev.paddock.transport.http;

import dev.paddock.transport.McpJson;
import static dev.paddock.transport.http.McpHttpClient.BOTH;
import static dev.paddock.transport.http.McpHttpClient.callTool;
import static dev.paddock.transport.http.McpHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** The transport on a real Reactor Netty port with a real SDK server, driven by a plain HTTP client. */
@Timeout(60)
class StreamableHttpTransportTest {

    /** The "gated" tool waits here, so a test can hold a request open while it looks around. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch gatedStarted = new CountDownLatch(1);
    private final Semaphore gatedRuns = new Semaphore(0);
    /** The "chatty" tool's log lines: enough to fill any socket buffer many times over. */
    private static final int CHATTY_LINES = 20_000;
    private static final String CHATTY_LINE = "x".repeat(1000);
    private final CountDownLatch chattyDone = new CountDownLatch(1);
    private final List<String> closedSessions = new CopyOnWriteArrayList<>();
    private StreamableHttpTransport transport;
    private McpSyncServer server;
    private McpHttpClient client;

    @AfterEach
    void stop() {
        gate.countDown();
        if (transport != null) transport.close();
        if (server != null) server.close();
    }

    private McpHttpClient start(UnaryOperator<HttpSettings.Builder> settings) {
        transport = new StreamableHttpTransport(settings.apply(HttpSettings.builder()).build(), closedSessions::add);
        server = McpServer.sync(transport.provider())
                .jsonMapper(McpJson.MAPPER)
                .serverInfo("http-test", "1")
                .capabilities(ServerCapabilities.builder().tools(false).logging().build())
                .tools(tool("echo", x -> "hello"),
                        tool("profile", x -> StreamableHttpTransport.profileOf(x.transportContext())),
                        tool("session", McpSyncServerExchange::sessionId),
                        tool("gated", x -> {
                            log(x, "before");
                            gatedStarted.countDown();
                            gatedRuns.release();
                            await(gate);
                            log(x, "after");
                            return "done";
                        }),
                        tool("chatty", x -> {
                            for (int i = 0; i < CHATTY_LINES; i++) log(x, CHATTY_LINE);
                            chattyDone.countDown();
                            return "said it all";
                        }),
                        tool("drop", x -> {
                            log(x, "one");
                            StreamControl.of(x.transportContext()).closeConnection();
                            log(x, "two");
                            return "dropped";
                        }))
                .build();
        client = new McpHttpClient(transport.start());
        return client;
    }

    @Test
    void aPortInUseIsOneLineThatSaysSo() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var busy = new StreamableHttpTransport(HttpSettings.builder().port(taken.getLocalPort()).build());
            assertThatThrownBy(busy::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": address already in use (choose another port, or 0 for a free one)");
        }
    }

    @Test
    void healthzAnswersWithoutAuthentication() {
        start(s -> s.tokens(Map.of("secret", "team-a")));
        var health = client.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void sessionLivesFromInitializeUntilDelete() {
        start(s -> s);
        String session = client.initialize();
        assertThat(session).matches("[0-9a-f]{32}");

        var list = client.post(session, request(1, "tools/list", "{}"), "application/json");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(list.body()).contains("\"id\":1", "\"echo\"", "\"gated\"");

        String sdkSession = textOf(client.post(session, callTool(2, "session"), "application/json").body());
        assertThat(closedSessions).isEmpty();
        assertThat(client.delete(session).statusCode()).isEqualTo(200);
        assertThat(closedSessions).as("the session-closed hook gets the SDK's session id").containsExactly(sdkSession);
        var afterDelete = client.post(session, request(2, "tools/list", "{}"), BOTH);
        assertThat(afterDelete.statusCode()).isEqualTo(404);
        assertThat(afterDelete.body()).contains("unknown or expired session");
    }

    /**
     * A keep-alive request that arrives before the server has finished with the previous one waits, and
     * Reactor Netty before 1.3.8 stopped reading the connection when such a request was answered at once
     * (reactor-netty#4361): the request after it was never answered. Paddock answers bodyless requests at
     * once (DELETE, GET /healthz, 405s), so a client that reuses its connection hit this now and then.
     */
    @Test
    void everyRequestOnAKeepAliveConnectionIsAnsweredEvenAfterOneAnsweredAtOnce() {
        start(s -> s);
        String session = client.initialize();
        for (int i = 1; i <= 300; i++) {
            assertThat(client.post(session, callTool(i, "echo"), "application/json").statusCode()).isEqualTo(200);
            assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sessionIdsCarryTheInstancePrefix() {
        start(s -> s.instanceId("east1"));
        assertThat(client.initialize()).matches("east1-[0-9a-f]{32}");
    }

    @Test
    void sseAnswerStartsWithPrimingEventThenCarriesTheResponse() {
        start(s -> s);
        String session = client.initialize();
        try (var events = client.postForEvents(session, callTool(1, "echo"))) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).isEqualTo("text/event-stream");
            var priming = events.next();
            assertThat(priming.data()).isEmpty();
            assertThat(priming.id()).isNotBlank();
            assertThat(priming.retry()).isEqualTo("1000");
            var answer = events.next();
            assertThat(answer.id()).isNotEqualTo(priming.id());
            assertThat(answer.data()).contains("\"id\":1", "hello");
            assertThat(events.next()).as("stream ends after the response").isNull();
        }
    }

    @Test
    void requestsWithoutOrWithUnknownSessionAreRefused() {
        start(s -> s);
        var missing = client.post(null, request(1, "tools/list", "{}"), BOTH);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("missing Mcp-Session-Id");
        assertThat(client.post("nope", request(1, "tools/list", "{}"), BOTH).statusCode()).isEqualTo(404);
        assertThat(client.post(null, "{not json", BOTH).statusCode()).isEqualTo(400);
    }

    @Test
    void resumingWithLastEventIdReplaysWhatTheClientMissed() {
        start(s -> s);
        String session = client.initialize();
        String lastSeen;
        try (var events = client.postForEvents(session, callTool(7, "drop"))) {
            var received = events.rest();
            assertThat(received).as("the server let go after the first log").isNotEmpty();
            lastSeen = received.getLast().id();
            assertThat(received).noneMatch(e -> e.data().contains("\"id\":7"));
        }
        try (var resumed = client.getEvents(session, lastSeen)) {
            assertThat(resumed.status()).isEqualTo(200);
            var replayed = resumed.rest();
            assertThat(replayed).extracting(McpHttpClient.Event::data)
                    .anyMatch(d -> d.contains("\"two\""))
                    .anyMatch(d -> d.contains("\"id\":7") && d.contains("dropped"))
                    .noneMatch(d -> d.contains("\"one\""));
        }
    }

    @Test
    void aClientThatVanishesMidStreamLosesOnlyThatConnection() throws Exception {
        start(s -> s);
        String session = client.initialize();
        String lastSeen;
        var events = client.postForEvents(session, callTool(3, "gated"));
        events.next(); // priming
        var before = events.next();
        assertThat(before.data()).contains("before");
        lastSeen = before.id();
        events.close(); // the client goes away while the tool is still running

        gate.countDown(); // the tool now writes "after" and its result to a connection that is gone
        Thread.sleep(300);

        var list = client.post(session, request(4, "tools/list", "{}"), BOTH);
        assertThat(list.statusCode()).as("the session survives the failed write").isEqualTo(200);
        try (var resumed = client.getEvents(session, lastSeen)) {
            assertThat(resumed.rest()).extracting(McpHttpClient.Event::data)
                    .anyMatch(d -> d.contains("after"))
                    .anyMatch(d -> d.contains("\"id\":3") && d.contains("done"));
        }
    }

    @Test
    void severalStreamsOfOneSessionRunAtOnce() throws Exception {
        start(s -> s);
        String session = client.initialize();
        try (var slow = client.postForEvents(session, callTool(1, "gated"))) {
            assertThat(gatedStarted.await(10, TimeUnit.SECONDS)).isTrue();
            try (var fast = client.postForEvents(session, callTool(2, "echo"))) {
                assertThat(fast.rest()).anyMatch(e -> e.data().contains("hello"));
            }
            gate.countDown();
            assertThat(slow.rest()).anyMatch(e -> e.data().contains("done"));
        }
    }

    @Test
    void quietStreamsGetKeepAliveComments() {
        start(s -> s.keepAlive(Duration.ofMillis(100)));
        String session = client.initialize();
        try (var listening = client.getEvents(session, null)) {
            assertThat(listening.status()).isEqualTo(200);
            var lines = new java.util.ArrayList<String>();
            for (int i = 0; i < 10 && !lines.contains(":"); i++) lines.add(listening.nextLine());
            assertThat(lines).as("an SSE comment line arrives on a quiet stream").contains(":");
        }
    }

    @Test
    void aSecondListeningStreamIsRefusedWhileTheFirstIsOpen() {
        start(s -> s);
        String session = client.initialize();
        try (var first = client.getEvents(session, null)) {
            assertThat(first.status()).isEqualTo(200);
            try (var second = client.getEvents(session, null)) {
                assertThat(second.status()).isEqualTo(409);
            }
        }
    }

    @Test
    void unsupportedProtocolVersionHeaderIsRefused() {
        start(s -> s);
        String session = client.initialize();
        var old = client.post(session, request(1, "tools/list", "{}"), BOTH, Map.of("MCP-Protocol-Version", "2025-06-18"));
        assertThat(old.statusCode()).isEqualTo(200);
        var unknown = client.post(session, request(2, "tools/list", "{}"), BOTH, Map.of("MCP-Protocol-Version", "1999-01-01"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unsupported MCP-Protocol-Version '1999-01-01'");
    }

    @Test
    void jsonOnlyClientsGetAJsonBody() {
        start(s -> s);
        String session = client.initialize();
        var answer = client.post(session, callTool(5, "echo"), "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).startsWith("{").contains("\"id\":5", "hello");
    }

    @Test
    void bearerTokensDecideWhoGetsInAndWithWhichProfile() {
        start(s -> s.tokens(Map.of("alpha-token", "team-a", "beta-token", "team-b")));
        var anonymous = client.post(null, McpHttpClient.initializeRequest(), BOTH);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        var wrong = new McpHttpClient(transport.port()).header("Authorization", "Bearer alpha-tokem");
        assertThat(wrong.post(null, McpHttpClient.initializeRequest(), BOTH).statusCode()).isEqualTo(401);

        var alpha = new McpHttpClient(transport.port()).header("Authorization", "Bearer alpha-token");
        String session = alpha.initialize();
        assertThat(transport.profileOf(session)).hasValue("team-a");
        assertThat(alpha.post(session, callTool(1, "profile"), "application/json").body()).contains("team-a");

        var beta = new McpHttpClient(transport.port()).header("Authorization", "Bearer beta-token");
        assertThat(beta.post(session, callTool(2, "echo"), BOTH).statusCode())
                .as("another token cannot use team-a's session").isEqualTo(404);
    }

    @Test
    void foreignOriginOrHostIsRefused() throws IOException {
        start(s -> s);
        var evil = new McpHttpClient(transport.port()).header("Origin", "http://evil.example.com");
        assertThat(evil.post(null, McpHttpClient.initializeRequest(), BOTH).statusCode()).isEqualTo(403);
        var local = new McpHttpClient(transport.port()).header("Origin", "http://localhost:5173");
        assertThat(local.post(null, McpHttpClient.initializeRequest(), BOTH).statusCode()).isEqualTo(200);
        assertThat(rawStatus("evil.example.com")).isEqualTo(403);
        assertThat(rawStatus("localhost:" + transport.port())).isEqualTo(200);
    }

    @Test
    void configuredHostsAndOriginsAreAccepted() throws IOException {
        start(s -> s.allowedHosts(List.of("mcp.example.com")).allowedOrigins(List.of("https://app.example.com")));
        assertThat(rawStatus("mcp.example.com:443")).isEqualTo(200);
        var app = new McpHttpClient(transport.port()).header("Origin", "https://app.example.com");
        assertThat(app.post(null, McpHttpClient.initializeRequest(), BOTH).statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedBodiesAreRefused() {
        start(s -> s.maxBodyBytes(1024));
        String session = client.initialize();
        String big = request(1, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"pad\":\"" + "x".repeat(2000) + "\"}}");
        var answer = client.post(session, big, BOTH);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("exceeds 1024 bytes");
    }

    @Test
    void tooManyConcurrentRequestsPerTokenGet429() throws Exception {
        start(s -> s.maxConcurrentPerToken(1));
        String session = client.initialize();
        try (var slow = client.postForEvents(session, callTool(1, "gated"))) {
            assertThat(gatedStarted.await(10, TimeUnit.SECONDS)).isTrue();
            var refused = client.post(session, callTool(2, "echo"), BOTH);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
        Thread.sleep(200);
        assertThat(client.post(session, callTool(3, "echo"), BOTH).statusCode())
                .as("hanging up does not free the permit while the request still runs").isEqualTo(429);
        gate.countDown();
        int status = 429;
        for (int i = 0; i < 100 && status == 429; i++) {
            Thread.sleep(50);
            status = client.post(session, callTool(4, "echo"), BOTH).statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aTokenAtItsSessionLimitLosesItsOwnIdlestSessionNeverAnotherTokens() {
        start(s -> s.tokens(Map.of("alpha-token", "team-a", "beta-token", "team-b")).maxSessionsPerToken(2));
        var alpha = new McpHttpClient(transport.port()).header("Authorization", "Bearer alpha-token");
        var beta = new McpHttpClient(transport.port()).header("Authorization", "Bearer beta-token");
        String betaOnly = beta.initialize();
        String oldest = alpha.initialize();
        String used = alpha.initialize();
        assertThat(alpha.post(oldest, request(1, "tools/list", "{}"), BOTH).statusCode()).isEqualTo(200);
        assertThat(alpha.post(used, request(2, "tools/list", "{}"), BOTH).statusCode()).isEqualTo(200);

        String newest = alpha.initialize();

        var evicted = alpha.post(oldest, request(3, "tools/list", "{}"), BOTH);
        assertThat(evicted.statusCode()).as("the token's longest-idle session made room").isEqualTo(404);
        assertThat(evicted.body()).contains("http.maxSessionsPerToken");
        assertThat(alpha.post(used, request(4, "tools/list", "{}"), BOTH).statusCode()).isEqualTo(200);
        assertThat(alpha.post(newest, request(5, "tools/list", "{}"), BOTH).statusCode()).isEqualTo(200);
        assertThat(beta.post(betaOnly, request(6, "tools/list", "{}"), BOTH).statusCode())
                .as("another token's session is never evicted").isEqualTo(200);
        assertThat(closedSessions).as("the evicted session's isolate is closed like any ended session").hasSize(1);
        assertThat(transport.sessionCount()).isEqualTo(3);
    }

    @Test
    void aTokenWhoseSessionsAreAllBusyIsRefusedSayingWhichLimitAndWhatToDo() throws Exception {
        start(s -> s.maxSessionsPerToken(1));
        String session = client.initialize();
        try (var slow = client.postForEvents(session, callTool(1, "gated"))) {
            assertThat(gatedStarted.await(10, TimeUnit.SECONDS)).isTrue();
            var refused = client.post(null, McpHttpClient.initializeRequest(), BOTH);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            var error = JsonMapper.shared().readTree(refused.body()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32000);
            assertThat(error.path("message").asString())
                    .contains("1 open sessions", "http.maxSessionsPerToken", "DELETE /mcp", "paddock.json");
            gate.countDown();
            assertThat(slow.rest()).as("the busy session was left alone").anyMatch(e -> e.data().contains("done"));
        }
        assertThat(transport.sessionCount()).isEqualTo(1);
    }

    /**
     * A client that asks for an SSE answer and never reads it once made the server queue every event for it,
     * without bound: here 20 MB of log notifications. Its connection is closed once the unread events pass the
     * stream's limit, and another session is served meanwhile.
     */
    @Test
    void aClientThatStopsReadingItsStreamIsCutOffAndOthersAreStillServed() throws Exception {
        start(s -> s.maxStreamBufferBytes(64 * 1024));
        String chattySession = client.initialize();
        String bystander = client.initialize();
        String call = callTool(9, "chatty");
        try (var stalled = RawConnection.withReceiveBuffer(transport.port(), 4096)) {
            stalled.send("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " + chattySession + "\r\n"
                    + "Content-Length: " + call.length() + "\r\n\r\n" + call);
            assertThat(chattyDone.await(30, TimeUnit.SECONDS)).as("logging never blocked on the stalled reader").isTrue();
            assertThat(client.post(bystander, callTool(10, "echo"), BOTH).body()).contains("hello");

            String received = stalled.untilClosed();
            assertThat(received).as("the server closed the connection mid-stream").doesNotContain("said it all");
            assertThat(received.length()).as("far less than the 20 MB the tool logged reached the client")
                    .isLessThan(CHATTY_LINES * CHATTY_LINE.length() / 4);
        }
        assertThat(client.post(chattySession, callTool(11, "echo"), BOTH).body())
                .as("the session itself goes on").contains("hello");
    }

    /**
     * DoS of issue 17: uploads that stop after their first chunk once held a place in the concurrency limit
     * each, without end, so that 256 of them locked every anonymous client out (429).
     */
    @Test
    void stalledUploadsLockNobodyOutAndAreClosedAfterTheBodyTimeout() {
        start(s -> s.maxConcurrentPerToken(4).bodyTimeout(Duration.ofMillis(500)));
        var stalled = new ArrayList<RawConnection>();
        try {
            for (int i = 0; i < 32; i++) {
                // "100 Continue" comes once the server reads the body, so the upload has been admitted.
                var upload = RawConnection.open(transport.port()).send("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nAccept: " + BOTH + "\r\nExpect: 100-continue\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n");
                stalled.add(upload);
                assertThat(upload.head()).startsWith("HTTP/1.1 100");
                upload.send("1\r\n{\r\n");
            }

            String session = client.initialize();
            assertThat(client.post(session, callTool(1, "echo"), BOTH).statusCode())
                    .as("a normal client is served while 32 uploads stall").isEqualTo(200);

            for (var upload : stalled) {
                assertThat(upload.untilClosed()).startsWith("HTTP/1.1 408")
                        .containsIgnoringCase("Connection: close").contains("request body not received within 500 ms");
            }
        } finally {
            stalled.forEach(RawConnection::close);
        }
    }

    @Test
    void connectionsThatSendNoCompleteHeadersAreClosedAfterTheHeaderTimeout() throws Exception {
        start(s -> s.headerTimeout(Duration.ofMillis(300)));
        try (var silent = RawConnection.open(transport.port())) {
            assertThat(silent.untilClosed()).isEmpty();
        }
        try (var drip = RawConnection.open(transport.port())) {

            // One header line every 50 ms never finishes the headers; the deadline is not reset by each byte.
            CompletableFuture<String> dripClosed = CompletableFuture.supplyAsync(drip::untilClosed);
            drip.send("POST /mcp HTTP/1.1\r\n");
            for (int i = 0; i < 200 && !dripClosed.isDone(); i++) {
                try {
                    drip.send("X-Pad-" + i + ": x\r\n");
                } catch (UncheckedIOException closed) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(dripClosed.get(10, TimeUnit.SECONDS)).isEmpty();
        }
        try (var keptAlive = RawConnection.open(transport.port())) {
            keptAlive.send(RawConnection.get("/healthz"));
            assertThat(keptAlive.untilClosed()).as("an idle keep-alive connection goes after the header timeout too")
                    .startsWith("HTTP/1.1 200").endsWith("{\"status\":\"ok\"}");
        }
        assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressGetsAtMostItsConnectionsAndOthersAreStillServed() throws Exception {
        start(s -> s.maxConnectionsPerAddress(3));
        var held = new ArrayList<RawConnection>();
        try {
            for (int i = 0; i < 3; i++) {
                var connection = RawConnection.open(transport.port()).send(RawConnection.get("/healthz"));
                assertThat(connection.head()).startsWith("HTTP/1.1 200");
                held.add(connection);
            }
            try (var fourth = RawConnection.open(transport.port()).send(RawConnection.get("/healthz"))) {
                assertThat(fourth.untilClosed()).startsWith("HTTP/1.1 429").contains("Retry-After: 1",
                        "too many connections from this address (limit 3)");
            }
            try (var otherAddress = RawConnection.open(transport.port(), InetAddress.getByName("127.0.0.2"))
                    .send(RawConnection.get("/healthz"))) {
                assertThat(otherAddress.head()).as("another address is not held back").startsWith("HTTP/1.1 200");
            }

            held.removeFirst().close();
            String status = "";
            for (int i = 0; i < 100 && !status.startsWith("HTTP/1.1 200"); i++) {
                try (var again = RawConnection.open(transport.port()).send(RawConnection.get("/healthz"))) {
                    status = again.head();
                }
            }
            assertThat(status).as("a closed connection frees its place").startsWith("HTTP/1.1 200");
        } finally {
            held.forEach(RawConnection::close);
        }
    }

    /** Issue 17: DELETE racing a running call answered it 202 with an empty body, and its client waited forever. */
    @Test
    void deleteAnswersTheSessionsRunningRequestsWithAnError() throws Exception {
        start(s -> s);
        String session = client.initialize();
        try (var streamed = client.postForEvents(session, callTool(1, "gated"))) {
            CompletableFuture<HttpResponse<String>> json =
                    CompletableFuture.supplyAsync(() -> client.post(session, callTool(2, "gated"), "application/json"));
            assertThat(gatedRuns.tryAcquire(2, 10, TimeUnit.SECONDS)).as("both calls are running").isTrue();

            assertThat(client.delete(session).statusCode()).isEqualTo(200);

            var answer = json.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"id\":2", "\"code\":-32000",
                    "session ended before this request was answered: the client ended the session (DELETE)");
            assertThat(streamed.rest()).extracting(McpHttpClient.Event::data)
                    .anyMatch(d -> d.contains("\"id\":1") && d.contains("session ended before this request was answered"));
        }
    }

    @Test
    void idleSessionsExpire() throws InterruptedException {
        start(s -> s.idleTimeout(Duration.ofMillis(200)).shutdownGrace(Duration.ofSeconds(5)));
        String session = client.initialize();
        assertThat(transport.profileOf(session)).hasValue(HttpSettings.DEFAULT_PROFILE);
        for (int i = 0; i < 100 && transport.profileOf(session).isPresent(); i++) Thread.sleep(50);
        assertThat(transport.profileOf(session)).isEmpty();
        assertThat(closedSessions).hasSize(1);
        assertThat(client.post(session, callTool(1, "echo"), BOTH).statusCode()).isEqualTo(404);
    }

    @Test
    void nonLoopbackBindWithoutTokensIsRefused() {
        var open = new StreamableHttpTransport(HttpSettings.builder().host("0.0.0.0").build());
        assertThatThrownBy(open::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without bearer tokens");
    }

    @Test
    void shutdownLetsRunningRequestsFinishAndRefusesNewOnes() throws Exception {
        start(s -> s);
        String session = client.initialize();
        try (var slow = client.postForEvents(session, callTool(1, "gated"))) {
            assertThat(gatedStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = transport.closeGracefully().toFuture();
            Thread.sleep(100);
            assertThat(client.post(session, callTool(2, "echo"), BOTH).statusCode()).isEqualTo(503);
            assertThat(closing).isNotDone();
            gate.countDown();
            assertThat(slow.rest()).anyMatch(e -> e.data().contains("done"));
            closing.get(10, TimeUnit.SECONDS);
        }
        transport = null;
    }

    @Test
    void shutdownAnswersRequestsStillRunningAfterTheGraceWithAnError() throws Exception {
        start(s -> s.shutdownGrace(Duration.ofMillis(200)));
        String session = client.initialize();
        CompletableFuture<HttpResponse<String>> json =
                CompletableFuture.supplyAsync(() -> client.post(session, callTool(1, "gated"), "application/json"));
        assertThat(gatedStarted.await(10, TimeUnit.SECONDS)).isTrue();

        transport.closeGracefully().block(Duration.ofSeconds(10));
        transport = null;

        var answer = json.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\":1", "session ended before this request was answered: the server is shutting down");
    }

    /** java.net.http will not send a forged Host header, so this speaks HTTP/1.1 by hand. */
    private int rawStatus(String host) throws IOException {
        byte[] body = McpHttpClient.initializeRequest().getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket("127.0.0.1", transport.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: " + BOTH + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return Integer.parseInt(in.readLine().split(" ")[1]);
        }
    }

    private static SyncToolSpecification tool(String name, Function<McpSyncServerExchange, String> body) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder(name, Map.of("type", "object")).description(name).build())
                .callHandler((exchange, request) -> CallToolResult.builder()
                        .content(List.of(TextContent.builder(body.apply(exchange)).build())).build())
                .build();
    }

    private static String textOf(String toolResponse) {
        return JsonMapper.shared().readTree(toolResponse).at("/result/content/0/text").asString();
    }

    private static void log(McpSyncServerExchange exchange, String message) {
        exchange.loggingNotification(LoggingMessageNotification.builder(LoggingLevel.INFO, message).build());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
