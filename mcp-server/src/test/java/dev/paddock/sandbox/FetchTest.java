package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The isolate's fetch as agent code sees it: a WHATWG-like Request/Response/Headers subset whose requests
 * leave as the JSON the {@code #egress} capability reads. The host side here is a small stand-in that answers like
 * that capability does; the real one and HTTP are in {@code dev.paddock.cli.ExecFetchTest}.
 */
class FetchTest {

    /** Echoes each request back as a JSON body, fails like the policy for "denied" hosts, 404s on "/missing". */
    static final class EchoEgress implements HostApi {
        final List<JsonNode> requests = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of();
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            JsonNode request = JsonMapper.shared().readTree(argumentsJson).get(0);
            requests.add(request);
            String url = request.get("url").asString();
            if (url.contains("denied")) {
                return CompletableFuture.failedFuture(new HostCallException("Error", "EGRESS_DENIED",
                        "fetch to " + url + " is not allowed: no egress rule matches. Allowed: GET https://api.test/*"));
            }
            int status = url.endsWith("/missing") ? 404 : 200;
            var answer = JsonMapper.shared().createObjectNode()
                    .put("status", status).put("statusText", status == 200 ? "OK" : "Not Found")
                    .put("url", url + "#final").put("redirected", url.contains("redirect"));
            var headers = answer.putArray("headers");
            headers.addArray().add("content-type").add("application/json");
            headers.addArray().add("x-multi").add("a");
            headers.addArray().add("x-multi").add("b");
            byte[] body = url.endsWith("/binary") ? allBytes() : JsonMapper.shared().writeValueAsBytes(request);
            answer.put("body", Base64.getEncoder().encodeToString(body));
            return CompletableFuture.completedFuture(JsonMapper.shared().writeValueAsString(answer));
        }

        JsonNode last() {
            return requests.getLast();
        }
    }

    static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) bytes[i] = (byte) i;
        return bytes;
    }

    private static JsonNode value(EchoEgress egress, String code) {
        try (Isolate isolate = SANDBOX.newIsolate(egress)) {
            ExecutionResult result = run(isolate, code);
            assertThat(result).as("error").isInstanceOf(ExecutionResult.Succeeded.class);
            return SandboxTestSupport.value(result);
        }
    }

    private static String decoded(JsonNode request) {
        return new String(Base64.getDecoder().decode(request.get("body").asString()), StandardCharsets.UTF_8);
    }

    @Test
    void aGetSendsTheUrlAsGivenAndResolvesWithAReadableResponse() {
        EchoEgress egress = new EchoEgress();
        JsonNode result = value(egress, """
                const r = await fetch("https://api.test/v1/items?q=1", { headers: { "X-Trace": " abc ", Accept: "application/json" } });
                const echoed = await r.json();
                return { ok: r.ok, status: r.status, statusText: r.statusText, url: r.url, redirected: r.redirected,
                         multi: r.headers.get("X-Multi"), type: r.headers.get("content-type"), used: r.bodyUsed,
                         names: [...r.headers.keys()], method: echoed.method };""");
        assertThat(egress.last().toString()).isEqualTo(
                "{\"url\":\"https://api.test/v1/items?q=1\",\"method\":\"GET\",\"headers\":[[\"x-trace\",\"abc\"],"
                        + "[\"accept\",\"application/json\"]],\"body\":null}");
        assertThat(result.toString()).isEqualTo("{\"ok\":true,\"status\":200,\"statusText\":\"OK\","
                + "\"url\":\"https://api.test/v1/items?q=1#final\",\"redirected\":false,\"multi\":\"a, b\","
                + "\"type\":\"application/json\",\"used\":true,\"names\":[\"content-type\",\"x-multi\"],\"method\":\"GET\"}");
    }

    @Test
    void bodiesLeaveAsBase64WithTheContentTypeTheyImply() {
        EchoEgress egress = new EchoEgress();
        value(egress, "await fetch('https://api.test/a', { method: 'post', body: 'héllo ✓' })");
        assertThat(egress.last().get("method").asString()).isEqualTo("POST");
        assertThat(decoded(egress.last())).isEqualTo("héllo ✓");
        assertThat(egress.last().get("headers").toString()).isEqualTo("[[\"content-type\",\"text/plain;charset=UTF-8\"]]");

        value(egress, "await fetch('https://api.test/a', { method: 'PUT', body: new URLSearchParams({ a: '1 2', b: 'é' }) })");
        assertThat(decoded(egress.last())).isEqualTo("a=1+2&b=%C3%A9");
        assertThat(egress.last().get("headers").get(0).get(1).asString()).isEqualTo("application/x-www-form-urlencoded;charset=UTF-8");

        value(egress, "await fetch('https://api.test/a', { method: 'POST', headers: [['Content-Type', 'application/octet-stream']],"
                + " body: new Uint8Array([0, 1, 2, 3, 255]).subarray(1, 4) })");
        assertThat(Base64.getDecoder().decode(egress.last().get("body").asString())).containsExactly(1, 2, 3);
        assertThat(egress.last().get("headers").toString()).isEqualTo("[[\"content-type\",\"application/octet-stream\"]]");

        value(egress, "await fetch(new Request('https://api.test/a', { method: 'PATCH', body: new Uint16Array([1]).buffer }))");
        assertThat(egress.last().get("method").asString()).isEqualTo("PATCH");
        assertThat(Base64.getDecoder().decode(egress.last().get("body").asString())).containsExactly(1, 0);
    }

    @Test
    void aGetOrHeadWithABodyIsATypeErrorBeforeAnythingIsSent() {
        EchoEgress egress = new EchoEgress();
        JsonNode result = value(egress, """
                const out = [];
                for (const method of ["GET", "head"]) {
                  try { await fetch("https://api.test/a", { method, body: "x" }); } catch (e) { out.push(e.name + ": " + e.message); }
                }
                return out;""");
        assertThat(result.toString()).isEqualTo("[\"TypeError: Request: a GET request cannot have a body; use a method such as POST\","
                + "\"TypeError: Request: a HEAD request cannot have a body; use a method such as POST\"]");
        assertThat(egress.requests).isEmpty();
    }

    @Test
    void aBodyCanBeReadOnceAndBinaryBodiesSurvive() {
        JsonNode result = value(new EchoEgress(), """
                const r = await fetch("https://api.test/binary");
                const bytes = new Uint8Array(await r.arrayBuffer());
                let again;
                try { await r.text(); } catch (e) { again = e.name + ": " + e.message; }
                return { length: bytes.length, first: bytes[0], last: bytes[255], used: r.bodyUsed, again };""");
        assertThat(result.toString()).isEqualTo("{\"length\":256,\"first\":0,\"last\":255,\"used\":true,"
                + "\"again\":\"TypeError: Response.text: the body has already been read; a body can be read once, so keep the first result\"}");
    }

    @Test
    void httpErrorStatusesResolveAndPolicyDenialsRejectWithTheHostsCodeAtTheAgentsLine() {
        try (Isolate isolate = SANDBOX.newIsolate(new EchoEgress())) {
            JsonNode notFound = SandboxTestSupport.value(run(isolate, "const r = await fetch('https://api.test/missing'); [r.ok, r.status, r.statusText]"));
            assertThat(notFound.toString()).isEqualTo("[false,404,\"Not Found\"]");

            JsonNode caught = SandboxTestSupport.value(run(isolate, "try { await fetch('https://denied.test/'); } catch (e) { return [e.name, e.code, e.message]; }"));
            assertThat(caught.toString()).isEqualTo("[\"Error\",\"EGRESS_DENIED\","
                    + "\"fetch to https://denied.test/ is not allowed: no egress rule matches. Allowed: GET https://api.test/*\"]");

            ExecutionResult uncaught = run(isolate, "const a = 1;\nawait fetch('https://denied.test/x');");
            assertThat(error(uncaught).message()).startsWith("fetch to https://denied.test/x is not allowed");
            assertThat(error(uncaught).line()).isEqualTo(2);
        }
    }

    @Test
    void responsesAndHeadersCanBeBuiltByTheCode() {
        JsonNode result = value(new EchoEgress(), """
                const h = new Headers([["Set-Thing", "1"]]);
                h.append("set-thing", "2"); h.set("B", "x"); h.append("a", "y"); h.delete("b");
                const r = Response.json({ hi: 1 }, { status: 201, headers: { "x-k": "v" } });
                const plain = new Response("text");
                let bad;
                try { h.append("bad name", "v"); } catch (e) { bad = e.message; }
                let readOnly;
                const fetched = await fetch("https://api.test/x");
                try { fetched.headers.set("x", "y"); } catch (e) { readOnly = e.message; }
                return { entries: [...h], status: r.status, type: r.headers.get("content-type"), body: await r.json(),
                         plain: await plain.text(), plainType: plain.headers.get("content-type"), bad, readOnly };""");
        assertThat(result.toString()).isEqualTo("{\"entries\":[[\"a\",\"y\"],[\"set-thing\",\"1, 2\"]],\"status\":201,"
                + "\"type\":\"application/json\",\"body\":{\"hi\":1},\"plain\":\"text\",\"plainType\":\"text/plain;charset=UTF-8\","
                + "\"bad\":\"Headers.append: 'bad name' is not a valid header name\","
                + "\"readOnly\":\"Headers: the headers of a fetched Response are read-only\"}");
    }

    @Test
    void overriddenPrototypesInTheAgentsIsolateDoNotChangeWhatIsSent() {
        EchoEgress egress = new EchoEgress();
        JsonNode result = value(egress, """
                Object.prototype.toJSON = () => ({ url: "https://elsewhere.test/" });
                Array.prototype.push = () => { throw new Error("push"); };
                JSON.stringify = () => "{}";
                String.prototype.toLowerCase = () => "hijacked";
                const r = await fetch("https://api.test/v1", { headers: { "X-A": "1" } });
                return r.status;""");
        assertThat(result.asInt()).isEqualTo(200);
        assertThat(egress.last().toString()).isEqualTo(
                "{\"url\":\"https://api.test/v1\",\"method\":\"GET\",\"headers\":[[\"x-a\",\"1\"]],\"body\":null}");
    }

    @Test
    void withoutEgressFetchSaysItIsNotGranted() {
        ExecutionResult result = run("await fetch('https://example.com/')");
        assertThat(error(result).message()).isEqualTo("fetch is not allowed: no egress is granted to this connection");
    }
}
