package dev.paddock.conformance;

import dev.paddock.transport.http.HttpSettings;
import dev.paddock.transport.http.StreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the conformance fixture on the Streamable HTTP transport until killed:
 * {@code java -cp … dev.paddock.conformance.ConformanceServer [PORT]}; prints the bound port on stdout.
 */
public final class ConformanceServer {
    private ConformanceServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        var json = new JacksonMcpJsonMapper(JsonMapper.shared());
        var transport = new StreamableHttpTransport(HttpSettings.loopback(port), json);
        var server = ConformanceFixture.serve(transport.provider(), json);
        int bound = transport.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            transport.close();
            server.close();
        }));
        System.out.println(bound);
        System.out.flush();
        Thread.currentThread().join();
    }
}
