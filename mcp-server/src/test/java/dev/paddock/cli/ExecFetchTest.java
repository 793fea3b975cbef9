package dev.paddock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch end to end in one process: `paddock exec --config` with an egress rule, the real #egress capability and
 * client, and a real HTTP server on 127.0.0.1 that echoes the headers it received (the worst case for an
 * injected credential).
 */
class ExecFetchTest {
    private static final String SECRET = "s3cret-token-for-exec-test";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/echo", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            StringBuilder seen = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
            exchange.getRequestHeaders().forEach((name, values) -> seen.append(name.toLowerCase()).append(": ")
                    .append(String.join(", ", values)).append("\n"));
            seen.append("\n").append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("X-Echo-Auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            reply(exchange, 200, seen.toString());
        });
        // Never answers: the exchange stays open until the client goes away.
        server.createContext("/v1/hang", exchange -> {});
        server.createContext("/v1/missing", exchange -> reply(exchange, 404, "{\"error\":\"no such item\"}"));
        server.createContext("/v1/leak-redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/?k="
                    + exchange.getRequestHeaders().getFirst("Authorization").replace(' ', '+'));
            reply(exchange, 302, "");
        });
        server.start();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var response = exchange.getResponseBody()) {
            response.write(bytes);
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int exec(String code) throws IOException {
        return exec(code, "");
    }

    /** {@code egressSettings}: more members of the egress section, each with a leading comma. */
    private int exec(String code, String egressSettings) throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path config = Files.writeString(dir.resolve("paddock.json"), """
                {"egress": {"rules": [{"url": "%s/v1/*", "methods": ["GET", "POST"],
                                       "headers": {"Authorization": "Bearer %s"}}]%s}}"""
                .formatted(base, SECRET, egressSettings));
        return PaddockCommand.run(new String[] {"--config", config.toString(), "exec", "-"},
                new ByteArrayInputStream(code.replace("BASE", base).getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGrantedPostReachesTheServerWithTheInjectedCredentialWhichTheCodeNeverSees() throws IOException {
        int exit = exec("""
                const r = await fetch("BASE/v1/echo?x=1", { method: "POST", headers: { "Authorization": "Bearer mine", "X-Trace": "t1" },
                                                            body: JSON.stringify({ hello: "wörld" }) });
                const text = await r.text();
                console.log(text);
                return { status: r.status, ok: r.ok, echoAuth: r.headers.get("x-echo-auth"), text };""");

        assertThat(exit).as(output()).isZero();
        assertThat(authorizations).containsExactly("Bearer " + SECRET);
        assertThat(output()).contains("POST /v1/echo?x=1", "x-trace: t1", "{\\\"hello\\\":\\\"wörld\\\"}",
                "\"echoAuth\" : \"[redacted]\"", "authorization: [redacted]").doesNotContain(SECRET, "Bearer mine");
    }

    @Test
    void httpErrorsResolveAndDenialsSayWhatIsAllowed() throws IOException {
        int exit = exec("""
                const missing = await fetch("BASE/v1/missing");
                let denied;
                try { await fetch("BASE/admin"); } catch (e) { denied = e.code + ": " + e.message; }
                return { status: missing.status, ok: missing.ok, body: await missing.json(), denied };""");

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("\"status\" : 404", "\"ok\" : false", "\"error\" : \"no such item\"",
                "EGRESS_DENIED: fetch to http://127.0.0.1:", "/admin is not allowed: no egress rule matches. Allowed: GET, POST http://127.0.0.1:");
    }

    @Test
    void aCredentialEchoedIntoARedirectDoesNotReachTheCodeThroughTheDenial() throws IOException {
        int exit = exec("await fetch('BASE/v1/leak-redirect')");

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("fetch to http://169.254.169.254/?k=Bearer+[redacted] is not allowed").doesNotContain(SECRET);
    }

    @Test
    void aFanOutPastTheExecutionsCapIsRefusedWhileTheFetchesWithinItRun() throws IOException {
        int exit = exec("""
                const fetches = [0, 1, 2].map(() => fetch("BASE/v1/hang"));
                // The first to fail, whichever it is: the other two never answer.
                const refused = await Promise.any(fetches.map(f => f.then(() => { throw 0; }, e => e)));
                return refused.code + ": " + refused.message;""", ", \"maxConcurrentFetches\": 2");

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("EGRESS_LIMIT: fetch to http://127.0.0.1:", "/v1/hang was not started: this "
                + "execution already has 2 fetches running (egress.maxConcurrentFetches)");
    }

    @Test
    void aRangeRequestOnTheRuleInjectingTheCredentialIsRefused() throws IOException {
        int exit = exec("""
                try { await fetch("BASE/v1/echo", { headers: { Range: "bytes=0-3" } }); } catch (e) { return e.code + ": " + e.message; }""");

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("EGRESS_DENIED: fetch to http://127.0.0.1:", "may not send the range header");
        assertThat(authorizations).isEmpty();
    }
}
