package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CapabilityException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;

/** The client against real servers on 127.0.0.1: "api" (secret-bearing rule) and "other" (no headers). */
class EgressClientTest {
    private static final String SECRET = "s3cr3t-token-9f8e7d";
    private static TestServer api;
    private static TestServer other;

    @BeforeAll
    static void start() {
        api = new TestServer();
        other = new TestServer();
    }

    @AfterAll
    static void stop() {
        api.close();
        other.close();
    }

    static EgressPolicy policy(String json) {
        String filled = json.replace("API", "127.0.0.1:" + api.port()).replace("OTHER", "127.0.0.1:" + other.port());
        return EgressPolicy.fromConfig(new ObjectMapper().readTree(filled), "egress", Map.of("TOKEN", SECRET)::get);
    }

    private static final String RULES = """
            {"rules": [
              {"url": "http://API/v1/*", "methods": ["GET", "POST", "PUT"],
               "headers": {"Authorization": "Bearer ${env:TOKEN}"}},
              {"url": "http://OTHER/*"}
            ]%s}""";

    private static EgressClient client(String limits) {
        return new EgressClient(policy(RULES.formatted(limits)));
    }

    private static EgressClient client() {
        return client("");
    }

    private static FetchResponse fetch(EgressClient client, FetchRequest request) throws Exception {
        return client.fetch(request).get(10, TimeUnit.SECONDS);
    }

    /** The failure a fetch ends with, as agent code would see it. */
    private static CapabilityException failure(EgressClient client, FetchRequest request) {
        try {
            client.fetch(request).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CapabilityException.class);
            CapabilityException failure = (CapabilityException) e.getCause();
            assertThat(failure.getMessage()).doesNotContain(SECRET);
            return failure;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the fetch succeeded");
    }

    private static String text(FetchResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String encoded(String url) {
        return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    @Test
    void getInjectsTheRuleHeaderWhichTheServerSeesButTheResponseDoesNotCarry() throws Exception {
        api.seen.clear();
        FetchResponse response = fetch(client(), FetchRequest.get(api.url("/v1/echo?x=1")));

        TestServer.Seen seen = api.next();
        assertThat(seen.headers().getAll("authorization")).containsExactly("Bearer " + SECRET);
        assertThat(seen.headers().get("host")).isEqualTo("127.0.0.1:" + api.port());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.statusText()).isEqualTo("OK");
        assertThat(response.url()).isEqualTo(api.url("/v1/echo?x=1"));
        assertThat(response.redirected()).isFalse();
        assertThat(response.header("X-Server")).isEqualTo("test");
        assertThat(text(response)).isEqualTo("GET /v1/echo?x=1\n");
        assertThat(response.headers().toString() + response + response.url()).doesNotContain(SECRET);
    }

    @Test
    void postSendsTheBodyAndTheRuleHeaderOverridesTheCodesOwnAuthorization() throws Exception {
        api.seen.clear();
        FetchRequest request = new FetchRequest(api.url("/v1/items"), "post",
                List.of(Map.entry("AUTHORIZATION", "Bearer code-chosen"), Map.entry("Content-Type", "application/json"),
                        Map.entry("X-Trace", "a"), Map.entry("X-Trace", "b")),
                "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        FetchResponse response = fetch(client(), request);

        TestServer.Seen seen = api.next();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("{\"n\":1}");
        assertThat(seen.headers().getAll("authorization")).containsExactly("Bearer " + SECRET);
        assertThat(seen.headers().get("content-type")).isEqualTo("application/json");
        assertThat(seen.headers().getAll("x-trace")).containsExactly("a", "b");
        assertThat(text(response)).isEqualTo("POST /v1/items\n{\"n\":1}");
    }

    @Test
    void dropsFramingAndProxyHeadersTheCodeTriesToSet() throws Exception {
        api.seen.clear();
        FetchRequest request = new FetchRequest(api.url("/v1/echo"), "PUT", List.of(Map.entry("Host", "evil.example"),
                Map.entry("Content-Length", "999"), Map.entry("Transfer-Encoding", "chunked"),
                Map.entry("Connection", "Upgrade"), Map.entry("Upgrade", "websocket"),
                Map.entry("Proxy-Authorization", "Basic eA=="), Map.entry("Accept-Encoding", "gzip")),
                "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(fetch(client(), request).status()).isEqualTo(200);

        TestServer.Seen seen = api.next();
        assertThat(seen.headers().get("host")).isEqualTo("127.0.0.1:" + api.port());
        assertThat(seen.headers().get("content-length")).isEqualTo("3");
        assertThat(seen.body()).isEqualTo("abc");
        assertThat(seen.headers().names()).map(String::toLowerCase)
                .doesNotContain("transfer-encoding", "upgrade", "proxy-authorization", "accept-encoding");
        assertThat(seen.headers().get("connection")).isNotEqualToIgnoringCase("upgrade");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "x-http-method", "X-Method-Override", "X-Forwarded-Method",
            "X-Original-Method", "X-Original-URL", "X-Rewrite-URL"})
    void refusesHeadersThatWouldMakeTheServerSeeAnotherMethodOrPath(String name) {
        api.seen.clear();
        assertThat(failure(client(), new FetchRequest(api.url("/v1/items"), "POST", List.of(Map.entry(name, "DELETE")),
                null)))
                .hasMessage("fetch to " + api.url("/v1/items") + " may not send the " + name + " header: servers take "
                        + "it to mean another method or path than the egress rules checked. Send the request with the "
                        + "method and URL you mean.")
                .extracting(CapabilityException::code).isEqualTo("EGRESS_DENIED");
        assertThat(api.seen).isEmpty();
    }

    @Test
    void refusesAMethodOverrideParameterInTheQueryAFormOrARedirect() {
        api.seen.clear();
        EgressClient client = client();
        assertThat(failure(client, new FetchRequest(api.url("/v1/items?a=1&_method=DELETE"), "POST", null, null)))
                .hasMessageContaining("may not carry a _method query parameter");
        assertThat(failure(client, FetchRequest.get(api.url("/v1/items?%5FMETHOD=delete"))).code())
                .isEqualTo("EGRESS_DENIED");
        assertThat(failure(client, new FetchRequest(api.url("/v1/items"), "POST",
                List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
                "a=1&_method=DELETE".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("may not send a form with a _method field");
        assertThat(api.seen).isEmpty();
        assertThat(failure(client, FetchRequest.get(api.url("/v1/redirect?to=" + encoded("/v1/items?_method=DELETE")))))
                .hasMessageContaining("may not carry a _method query parameter");
        assertThat(api.seen).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u000b", "\u000c", "\u0000", "\u001b", "\u007f", "\u0085x\u010d\u010a"})
    void refusesControlCharactersAndCharactersBeyondLatin1InHeaderValues(String bad) {
        api.seen.clear();
        CapabilityException refused = failure(client(), new FetchRequest(api.url("/v1/x"), "GET",
                List.of(Map.entry("X-A", "a" + bad + "b")), null));
        assertThat(refused.code()).isEqualTo("EGRESS_INVALID");
        assertThat(refused.getMessage()).startsWith("the value of header 'X-A' contains ").contains(" at index ");
        assertThat(api.seen).isEmpty();
    }

    @Test
    void sendsTabsAndLatin1BytesInHeaderValuesAsTheyAre() throws Exception {
        api.seen.clear();
        fetch(client(), new FetchRequest(api.url("/v1/x"), "GET", List.of(Map.entry("X-A", "a\tb\u00e9")), null));
        assertThat(api.next().headers().get("x-a")).isEqualTo("a\tb\u00e9");
    }

    @Test
    void refusesControlCharactersInHeaderNames() {
        for (String name : List.of("X\u000bA", "X\u000cA", "X A", "X:A")) {
            assertThat(failure(client(), new FetchRequest(api.url("/v1/x"), "GET", List.of(Map.entry(name, "1")), null)))
                    .extracting(CapabilityException::code).isEqualTo("EGRESS_INVALID");
        }
    }

    @Test
    void deniedRequestsNeverReachTheServerAndSayWhatIsAllowed() {
        api.seen.clear();
        EgressClient client = client();
        String allowed = "Allowed: GET, POST, PUT http://127.0.0.1:" + api.port() + "/v1/*; GET, HEAD http://127.0.0.1:"
                + other.port() + "/*";
        assertThat(failure(client, FetchRequest.get(api.url("/admin"))))
                .hasMessage("fetch to " + api.url("/admin") + " is not allowed: no egress rule matches. " + allowed);
        assertThat(failure(client, new FetchRequest(api.url("/v1/x"), "DELETE", null, null)))
                .hasMessageContaining("method DELETE is not granted for this URL (granted: GET, POST, PUT)");
        assertThat(failure(client, new FetchRequest(other.url("/x"), "POST", null, new byte[] {1})).code())
                .isEqualTo("EGRESS_DENIED");
        assertThat(failure(client, FetchRequest.get("https://127.0.0.1:" + api.port() + "/v1/x")).getMessage())
                .contains("no egress rule matches");
        assertThat(failure(client, FetchRequest.get("file:///etc/passwd")))
                .hasMessageContaining("fetch supports only http: and https: URLs, not file:")
                .extracting(CapabilityException::code).isEqualTo("EGRESS_DENIED");
        assertThat(failure(new EgressClient(EgressPolicy.denyAll()), FetchRequest.get(api.url("/v1/x"))))
                .hasMessageContaining("no egress is granted to this connection");
        assertThat(api.seen).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost.test:PORT/", "http://LOCALHOST.TEST.:PORT/", "http://x.internal.test:PORT/",
            "http://2130706433:PORT/", "http://0177.0.0.1:PORT/", "http://0x7f.1:PORT/", "http://127.1:PORT/",
            "http://[::ffff:127.0.0.1]:PORT/", "http://[::1]:PORT/", "http://[0:0:0:0:0:ffff:7f00:1]:PORT/",
            "http://localhost.:PORT/", "http://localhost.test@127.0.0.1:PORT/", "http://%6cocalhost.test:PORT/",
            "http://metadata.test:PORT/latest/meta-data/", "http://[::ffff:169.254.169.254]:PORT/",
            "http://169.254.169.254:PORT/", "http://0:PORT/", "http://[::]:PORT/", "http://[64:ff9b::7f00:1]:PORT/"})
    void refusesEveryWayOfReachingTheHostsOwnNetworkWhenNoRuleNamesTheAddress(String template) {
        api.seen.clear();
        // The rules name hosts, never addresses; every one of these would reach the server on 127.0.0.1.
        EgressPolicy names = EgressPolicy.fromConfig(new ObjectMapper().readTree("""
                {"rules": [{"url": "http://localhost.test:PORT/*"}, {"url": "http://*.test:PORT/*"},
                           {"url": "http://localhost:PORT/*"}, {"url": "http://[::1]/x"}]}""".replace("PORT",
                String.valueOf(api.port()))));
        HostResolver testDns = host -> List.of(InetAddress.ofLiteral(
                host.equals("metadata.test") ? "169.254.169.254" : "127.0.0.1"));
        EgressClient client = new EgressClient(names, testDns, AddressGuard.publicOnly(), null);

        CapabilityException failure = failure(client, FetchRequest.get(template.replace("PORT", String.valueOf(api.port()))));

        assertThat(failure.code()).isIn("EGRESS_DENIED", "EGRESS_INVALID");
        assertThat(api.seen).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:PORT/v1/echo", "http://2130706433:PORT/v1/echo", "http://0x7f.1:PORT/v1/echo",
            "http://0177.0.0.01:PORT/v1/echo", "http://127.1:PORT/v1/./echo"})
    void aRuleNamingTheAddressLiterallyAllowsItInAnySpelling(String template) throws Exception {
        api.seen.clear();
        FetchResponse response = fetch(client(), FetchRequest.get(template.replace("PORT", String.valueOf(api.port()))));
        assertThat(response.url()).isEqualTo(api.url("/v1/echo"));
        assertThat(api.next().headers().get("authorization")).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedWithTheReasonAndAnyBadAddressAmongSeveralIsEnough() {
        String rules = "{\"rules\": [{\"url\": \"http://*.test:" + api.port() + "/*\"}]}";
        EgressPolicy policy = EgressPolicy.fromConfig(new ObjectMapper().readTree(rules));
        HostResolver dns = host -> host.startsWith("mixed")
                ? List.of(InetAddress.ofLiteral("93.184.215.14"), InetAddress.ofLiteral("10.0.0.7"))
                : List.of(InetAddress.ofLiteral("127.0.0.1"));
        EgressClient client = new EgressClient(policy, dns, AddressGuard.publicOnly(), null);

        assertThat(failure(client, FetchRequest.get("http://localhost.test:" + api.port() + "/")))
                .hasMessage("fetch to http://localhost.test:" + api.port() + "/ is not allowed: localhost.test resolves "
                        + "to 127.0.0.1, a loopback address. Only an egress rule naming that address literally (such as "
                        + "http://127.0.0.1:" + api.port() + "/*) can allow it.");
        assertThat(failure(client, FetchRequest.get("http://mixed.test:" + api.port() + "/")))
                .hasMessageContaining("resolves to 10.0.0.7, a private-network address");
    }

    @Test
    void connectsToTheAddressItCheckedWithoutLookingTheNameUpAgain() throws Exception {
        api.seen.clear();
        AtomicInteger lookups = new AtomicInteger();
        HostResolver dns = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.ofLiteral("127.0.0.1"));
        };
        EgressPolicy policy = EgressPolicy.fromConfig(new ObjectMapper().readTree(
                "{\"rules\": [{\"url\": \"http://api.test:" + api.port() + "/v1/*\"}]}"));
        // "api.test" exists in no real DNS: the request can only arrive if the checked address is used.
        EgressClient client = new EgressClient(policy, dns, address -> null, null);

        FetchResponse response = fetch(client, FetchRequest.get("http://api.test:" + api.port() + "/v1/echo"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(lookups).hasValue(1);
        assertThat(api.next().headers().get("host")).isEqualTo("api.test:" + api.port());
    }

    @Test
    void triesTheNextCheckedAddressWhenOneRefusesTheConnection() throws Exception {
        EgressPolicy policy = EgressPolicy.fromConfig(new ObjectMapper().readTree(
                "{\"rules\": [{\"url\": \"http://api.test:" + api.port() + "/v1/*\"}]}"));
        // Linux routes all of 127/8 to loopback, and nothing listens on 127.0.0.2.
        HostResolver dns = host -> List.of(InetAddress.ofLiteral("127.0.0.2"), InetAddress.ofLiteral("127.0.0.1"));
        EgressClient client = new EgressClient(policy, dns, address -> null, null);

        assertThat(fetch(client, FetchRequest.get("http://api.test:" + api.port() + "/v1/echo")).status()).isEqualTo(200);
    }

    @Test
    void aRedirectIntoAPrivateAddressOrAnUngrantedUrlIsRefused() {
        api.seen.clear();
        EgressPolicy policy = policy("""
                {"rules": [{"url": "http://API/v1/*"}, {"url": "http://internal.test:80/*"}]}""");
        EgressClient client = new EgressClient(policy, host -> List.of(InetAddress.ofLiteral("192.168.0.10")),
                AddressGuard.publicOnly(), null);

        assertThat(failure(client, FetchRequest.get(api.url("/v1/redirect?to=" + encoded("http://internal.test/admin")))))
                .hasMessageContaining("internal.test resolves to 192.168.0.10, a private-network address");
        assertThat(failure(client, FetchRequest.get(api.url("/v1/redirect?to="
                + encoded("http://169.254.169.254/latest/meta-data/")))))
                .hasMessageContaining("fetch to http://169.254.169.254/latest/meta-data/ is not allowed: no egress rule");
        assertThat(failure(client, FetchRequest.get(api.url("/v1/redirect?to=" + encoded("/admin")))))
                .hasMessageContaining("fetch to " + api.url("/admin") + " is not allowed");
        assertThat(failure(client, FetchRequest.get(api.url("/v1/redirect?to=" + encoded("file:///etc/passwd")))))
                .hasMessageContaining("redirected to a location fetch cannot follow");
    }

    @Test
    void aRedirectToAnotherAllowedHostCarriesNeitherTheInjectedNorTheCodesCredentials() throws Exception {
        other.seen.clear();
        String target = other.url("/landing");
        FetchRequest request = new FetchRequest(api.url("/v1/redirect?status=307&to=" + encoded(target)), "GET",
                List.of(Map.entry("Authorization", "Bearer code"), Map.entry("Cookie", "a=b"), Map.entry("X-Keep", "1")),
                null);
        FetchResponse response = fetch(client(), request);

        assertThat(response.url()).isEqualTo(target);
        assertThat(response.redirected()).isTrue();
        TestServer.Seen seen = other.next();
        assertThat(seen.uri()).isEqualTo("/landing");
        assertThat(seen.headers().contains("authorization")).isFalse();
        assertThat(seen.headers().contains("cookie")).isFalse();
        assertThat(seen.headers().get("x-keep")).isEqualTo("1");
        assertThat(seen.headers().get("host")).isEqualTo("127.0.0.1:" + other.port());
    }

    @Test
    void aRangeHeaderIsRefusedAtARedirectIntoARuleThatInjectsCredentials() {
        api.seen.clear();
        String target = api.url("/v1/echo");
        assertThat(failure(client(), new FetchRequest(other.url("/redirect?to=" + encoded(target)), "GET",
                List.of(Map.entry("Range", "bytes=0-3")), null)))
                .hasMessageStartingWith("fetch to " + target + " may not send the Range header: the egress rule http://127.0.0.1:"
                        + api.port() + "/v1/* injects credentials")
                .extracting(CapabilityException::code).isEqualTo("EGRESS_DENIED");
        assertThat(api.seen).isEmpty();
    }

    @Test
    void redirectsWithinTheRuleKeepTheInjectedHeader() throws Exception {
        api.seen.clear();
        fetch(client(), FetchRequest.get(api.url("/v1/redirect?to=" + encoded("/v1/echo"))));
        api.next();
        assertThat(api.next().headers().get("authorization")).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void see303AndPost302BecomeGetWithoutBodyWhile307KeepsMethodAndBody() throws Exception {
        EgressClient client = client();
        byte[] body = "data".getBytes(StandardCharsets.UTF_8);
        for (String status : List.of("303", "302", "301")) {
            FetchResponse r = fetch(client, new FetchRequest(api.url("/v1/redirect?status=" + status + "&to=/v1/echo"),
                    "POST", List.of(Map.entry("Content-Type", "text/plain")), body));
            assertThat(text(r)).as(status).isEqualTo("GET /v1/echo\n");
        }
        FetchResponse kept = fetch(client, new FetchRequest(api.url("/v1/redirect?status=307&to=/v1/echo"), "POST",
                null, body));
        assertThat(text(kept)).isEqualTo("POST /v1/echo\ndata");
        FetchResponse put = fetch(client, new FetchRequest(api.url("/v1/redirect?status=302&to=/v1/echo"), "PUT",
                null, body));
        assertThat(text(put)).isEqualTo("PUT /v1/echo\ndata");
    }

    @Test
    void stopsAfterTheRedirectLimit() {
        String loop = "/v1/redirect?to=" + encoded("/v1/redirect?to=" + encoded("/v1/redirect?to=/v1/echo"));
        assertThat(failure(client(", \"maxRedirects\": 2"), FetchRequest.get(api.url(loop))))
                .hasMessage("fetch to " + api.url("/v1/redirect?to=/v1/echo") + " was redirected more than 2 times "
                        + "(the egress redirect limit)")
                .extracting(CapabilityException::code).isEqualTo("EGRESS_LIMIT");
    }

    @Test
    void abortsABodyLargerThanTheLimitWhetherDeclaredOrStreamed() throws Exception {
        EgressClient client = client(", \"maxResponseBytes\": 10240");
        assertThat(fetch(client, FetchRequest.get(api.url("/v1/big?n=10240"))).body()).hasSize(10240);
        for (String url : List.of(api.url("/v1/big?n=102400"), api.url("/v1/big?n=102400&declared"))) {
            assertThat(failure(client, FetchRequest.get(url)))
                    .hasMessage("response from " + url + " exceeded the 10240-byte egress limit")
                    .extracting(CapabilityException::code).isEqualTo("EGRESS_LIMIT");
        }
    }

    @Test
    void refusesARequestBodyLargerThanTheLimitAndABodyOnGet() {
        EgressClient client = client(", \"maxRequestBytes\": 4");
        assertThat(failure(client, new FetchRequest(api.url("/v1/x"), "POST", null, new byte[5])))
                .hasMessage("request body of 5 bytes to " + api.url("/v1/x") + " exceeds the 4-byte egress limit");
        assertThat(failure(client, new FetchRequest(api.url("/v1/x"), "GET", null, new byte[1])).code())
                .isEqualTo("EGRESS_INVALID");
        assertThat(failure(client, new FetchRequest(api.url("/v1/x"), "GET", List.of(Map.entry("X-A", "1\r\nX-B: 2")),
                null))).hasMessage("the value of header 'X-A' contains the control character U+000D at index 1 (header values "
                + "may hold visible characters, spaces and tabs only)");
    }

    @Test
    void failsAtTheTimeLimit() {
        long start = System.nanoTime();
        assertThat(failure(client(", \"timeoutMs\": 300"), FetchRequest.get(api.url("/v1/slow"))))
                .hasMessage("fetch to " + api.url("/v1/slow") + " did not complete within the 300 ms egress time limit")
                .extracting(CapabilityException::code).isEqualTo("EGRESS_TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cancellingTheFutureClosesTheConnection() throws Exception {
        int closedBefore = api.closedConnections.get();
        CompletableFuture<FetchResponse> pending = client().fetch(FetchRequest.get(api.url("/v1/hang?cancelled")));
        // Another test's request may still arrive late; cancelling before this one is on the wire tests nothing.
        while (!api.next().uri().equals("/v1/hang?cancelled")) {
            assertThat(pending).isNotDone();
        }
        pending.cancel(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (api.closedConnections.get() == closedBefore && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(api.closedConnections.get()).isGreaterThan(closedBefore);
    }

    @Test
    void reportsAnUnreachableServerAsANetworkError() {
        TestServer gone = new TestServer();
        int port = gone.port();
        gone.close();
        EgressPolicy policy = EgressPolicy.fromConfig(new ObjectMapper().readTree(
                "{\"rules\": [{\"url\": \"http://127.0.0.1:" + port + "/*\"}]}"));
        assertThat(failure(new EgressClient(policy), FetchRequest.get("http://127.0.0.1:" + port + "/")))
                .hasMessageStartingWith("fetch to http://127.0.0.1:" + port + "/ failed: could not connect")
                .extracting(CapabilityException::code).isEqualTo("EGRESS_NETWORK");
    }
}
