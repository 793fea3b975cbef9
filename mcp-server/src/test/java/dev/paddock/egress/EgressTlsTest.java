package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.capability.CapabilityException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.ObjectMapper;

/**
 * https goes to the checked address but presents and verifies the original name. The server only
 * hands out the secure.test certificate when the client's SNI says secure.test (otherwise a certificate
 * for default.invalid), and no certificate names 127.0.0.1.
 */
class EgressTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static TestServer server;
    private static EgressClient client;

    @BeforeAll
    static void start() throws Exception {
        KeyStore secure = keyStore("secure.test");
        KeyStore fallback = keyStore("default.invalid");
        SslContext secureContext = SslContextBuilder.forServer(keyManagers(secure)).build();
        SslContext fallbackContext = SslContextBuilder.forServer(keyManagers(fallback)).build();
        server = new TestServer(HttpServer.create().secure(spec -> spec.sslContext(fallbackContext)
                .addSniMapping("secure.test", sni -> sni.sslContext(secureContext))));

        X509Certificate trusted = (X509Certificate) secure.getCertificate("server");
        X509Certificate alsoTrusted = (X509Certificate) fallback.getCertificate("server");
        SslContext trust = SslContextBuilder.forClient().trustManager(trusted, alsoTrusted).build();
        EgressPolicy policy = EgressPolicy.fromConfig(new ObjectMapper().readTree(
                "{\"rules\": [{\"url\": \"https://*.test:" + server.port() + "/*\"}]}"));
        // The guard lets 127.0.0.1 through so that the names can reach the local server.
        client = new EgressClient(policy, host -> List.of(InetAddress.ofLiteral("127.0.0.1")), address -> null, trust);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sendsTheNameAsSniAndVerifiesTheCertificateAgainstIt() throws Exception {
        server.seen.clear();
        FetchResponse response = client.fetch(FetchRequest.get("https://secure.test:" + server.port() + "/hello"))
                .get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(server.next().headers().get("host")).isEqualTo("secure.test:" + server.port());
    }

    @Test
    void refusesACertificateThatDoesNotNameTheHost() throws Exception {
        String url = "https://wrong.test:" + server.port() + "/hello";
        try {
            client.fetch(FetchRequest.get(url)).get(10, TimeUnit.SECONDS);
            throw new AssertionError("a certificate for default.invalid was accepted for wrong.test");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(CapabilityException.class, failure -> {
                assertThat(failure.code()).isEqualTo("EGRESS_NETWORK");
                assertThat(failure.getMessage()).startsWith("fetch to " + url + " failed: TLS failed: ")
                        .contains("wrong.test");
            });
        }
    }

    /** A fresh key pair and self-signed certificate for {@code name}, made by the JDK's keytool. */
    private static KeyStore keyStore(String name) throws Exception {
        Path file = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=dns:" + name, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static KeyManagerFactory keyManagers(KeyStore store) throws Exception {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD);
        return factory;
    }
}
