package dev.paddock.egress;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/** A real HTTP server on 127.0.0.1 that records what reached it. */
final class TestServer implements AutoCloseable {
    record Seen(String method, String uri, HttpHeaders headers, String body) {}

    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    final AtomicInteger closedConnections = new AtomicInteger();
    private final DisposableServer server;

    TestServer() {
        this(HttpServer.create());
    }

    TestServer(HttpServer base) {
        server = base.host("127.0.0.1").port(0)
                .doOnConnection(connection -> connection.onDispose(closedConnections::incrementAndGet))
                .route(this::routes)
                .bindNow();
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    Seen next() throws InterruptedException {
        Seen s = seen.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("the server saw no request");
        }
        return s;
    }

    private void routes(HttpServerRoutes routes) {
        routes.route(request -> true, this::handle);
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            seen.add(new Seen(request.method().name(), request.uri(), new DefaultHttpHeaders().set(request.requestHeaders()),
                    body));
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            String path = query.path();
            if (path.endsWith("/redirect")) {
                return response.status(Integer.parseInt(param(query, "status", "302")))
                        .header("location", param(query, "to", "/")).send().then();
            }
            if (path.endsWith("/big")) {
                int n = Integer.parseInt(param(query, "n", "0"));
                if (query.parameters().containsKey("declared")) {
                    response.header("content-length", String.valueOf(n));
                }
                return response.sendByteArray(Flux.range(0, n / 1024).map(i -> new byte[1024])).then();
            }
            if (path.endsWith("/slow")) {
                return Mono.delay(Duration.ofSeconds(20)).then(response.sendString(Mono.just("late")).then());
            }
            if (path.endsWith("/reflect")) {
                // An endpoint that reflects what it receives: header values as response header names, and the
                // other request headers as its body, honouring Range on that body as a file server would.
                StringBuilder echo = new StringBuilder();
                request.requestHeaders().forEach(h -> {
                    response.header("x-" + h.getValue().replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]", "-"), "1");
                    if (!h.getKey().equalsIgnoreCase("range")) {
                        echo.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
                    }
                });
                String range = request.requestHeaders().get("range");
                if (range != null && range.matches("bytes=\\d+-\\d+")) {
                    String[] ends = range.substring(6).split("-");
                    int from = Integer.parseInt(ends[0]);
                    int to = Math.min(Integer.parseInt(ends[1]) + 1, echo.length());
                    return response.status(206).sendString(Mono.just(echo.substring(Math.min(from, to), to))).then();
                }
                return response.sendString(Mono.just(echo.toString())).then();
            }
            if (path.endsWith("/hang")) {
                return Mono.never();
            }
            return response.header("content-type", "text/plain").header("x-server", "test")
                    .sendString(Mono.just(request.method().name() + " " + request.uri() + "\n" + body)).then();
        });
    }

    private static String param(QueryStringDecoder query, String name, String fallback) {
        List<String> values = query.parameters().get(name);
        return values == null ? fallback : values.getFirst();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
