package dev.paddock.egress;

import dev.paddock.capability.CapabilityException;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import reactor.core.Exceptions;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.HttpClientSecurityUtils;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Performs agent code's fetches under an {@link EgressPolicy}. Each hop (the request and every redirect)
 * goes through the same steps: parse the URL canonically → find the rule granting it → resolve the host
 * once and refuse non-public addresses the rule does not name → connect to a checked address, with the
 * original name in Host, SNI and certificate verification → inject the rule's headers → read the body
 * under the size cap. Failures are {@link CapabilityException}s with codes EGRESS_DENIED, EGRESS_INVALID,
 * EGRESS_LIMIT, EGRESS_TIMEOUT and EGRESS_NETWORK, and never contain injected header values.
 *
 * <p>Connections are not pooled: a connection reused across hops or sessions would need its own
 * re-checking, and agent fetches are few.
 */
public final class EgressClient {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive", "transfer-encoding");

    private final EgressPolicy policy;
    private final HostResolver resolver;
    private final AddressGuard guard;
    private final SslContext sslContext;
    private final HttpClient http;

    public EgressClient(EgressPolicy policy) {
        this(policy, HostResolver.system(), AddressGuard.publicOnly(), defaultSslContext());
    }

    EgressClient(EgressPolicy policy, HostResolver resolver, AddressGuard guard, SslContext sslContext) {
        this.policy = policy;
        this.resolver = resolver;
        this.guard = guard;
        this.sslContext = sslContext;
        this.http = HttpClient.create(ConnectionProvider.newConnection())
                .followRedirect(false)
                .disableRetry(true)
                .keepAlive(false)
                // Addresses arrive resolved and checked; if one ever did not, failing beats a second lookup.
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(policy.limits().timeoutMs(), 10_000));
    }

    public EgressPolicy policy() {
        return policy;
    }

    /**
     * Starts a fetch. The future fails with a {@link CapabilityException} (never throws); cancelling it
     * aborts the connection.
     */
    public CompletableFuture<FetchResponse> fetch(FetchRequest request) {
        EgressLimits limits = policy.limits();
        String shownUrl = EgressUrl.shorten(String.valueOf(request.url()));
        CompletableFuture<FetchResponse> future = new CompletableFuture<>();
        var connections = new FetchConnections();
        Disposable exchange = Mono.defer(() -> follow(Hop.first(request, limits), 0, connections))
                .timeout(Duration.ofMillis(limits.timeoutMs()), Mono.error(() -> new CapabilityException(
                        "EGRESS_TIMEOUT", "fetch to " + shownUrl + " did not complete within the " + limits.timeoutMs()
                                + " ms egress time limit")))
                .onErrorMap(e -> !(e instanceof CapabilityException), e -> networkFailure(shownUrl, e))
                .subscribe(future::complete, future::completeExceptionally);
        // Cancelling the subscription does not always reach a request already on the wire (seen under load:
        // the connection stayed open), so a cancel also closes the fetch's connections itself. Without
        // keep-alive or pooling, every connection belongs to this fetch alone.
        future.whenComplete((response, failure) -> {
            if (future.isCancelled()) {
                exchange.dispose();
                connections.closeAll();
            }
        });
        return future;
    }

    private Mono<FetchResponse> follow(Hop hop, int redirects, FetchConnections connections) {
        EgressRule rule = policy.authorize(hop.url(), hop.method());
        String slicing = hop.slicingHeader();
        if (slicing != null && !rule.allowsSlicing()) {
            return Mono.error(new CapabilityException("EGRESS_DENIED", "fetch to " + hop.url() + " may not send the "
                    + slicing + " header: the egress rule " + rule.url() + " injects credentials, and a partial "
                    + "response from an endpoint that echoes requests could return them piece by piece. Fetch the "
                    + "whole resource, or ask the operator to set \"allowRanges\": true on that rule."));
        }
        return Mono.fromCallable(() -> checkedAddresses(hop.url(), rule))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(addresses -> exchange(hop, rule, addresses, 0, connections))
                .flatMap(answer -> {
                    String location = answer.header("location");
                    if (!REDIRECTS.contains(answer.status()) || location == null) {
                        return Mono.just(new FetchResponse(answer.status(), answer.statusText(), hop.url().toString(),
                                redirects > 0, answer.headers(), answer.body()));
                    }
                    if (redirects >= policy.limits().maxRedirects()) {
                        return Mono.error(new CapabilityException("EGRESS_LIMIT", "fetch to " + hop.url()
                                + " was redirected more than " + policy.limits().maxRedirects()
                                + " times (the egress redirect limit)"));
                    }
                    return follow(hop.redirect(answer.status(), location), redirects + 1, connections);
                });
    }

    /** Resolves once and checks every address: one bad answer among several is enough to refuse. */
    private List<InetSocketAddress> checkedAddresses(EgressUrl url, EgressRule rule) throws UnknownHostException {
        List<InetAddress> addresses;
        if (url.isLiteralAddress()) {
            addresses = List.of(url.address());
        } else {
            try {
                addresses = resolver.resolve(url.host());
            } catch (UnknownHostException e) {
                throw new CapabilityException("EGRESS_NETWORK", "fetch to " + url + " failed: the host name "
                        + url.host() + " could not be resolved");
            }
        }
        if (addresses.isEmpty()) {
            throw new CapabilityException("EGRESS_NETWORK", "fetch to " + url + " failed: the host name "
                    + url.host() + " has no addresses");
        }
        for (InetAddress address : addresses) {
            String refusal = address.equals(rule.address()) ? null : guard.refusal(address);
            if (refusal != null) {
                throw new CapabilityException("EGRESS_DENIED", "fetch to " + url + " is not allowed: "
                        + (url.isLiteralAddress() ? "it is " : url.host() + " resolves to " + address.getHostAddress()
                        + ", ") + refusal + ". Only an egress rule naming that address literally (such as "
                        + url.scheme() + "://" + (address.getAddress().length == 16
                        ? "[" + EgressUrl.canonicalIpv6(address) + "]" : address.getHostAddress()) + ":" + url.port()
                        + "/*) can allow it.");
            }
        }
        // Carrying the name inside the address makes Netty use it for SNI and certificate checks, while
        // the connection goes to the checked bytes without another lookup.
        String name = url.isLiteralAddress() ? null : url.host();
        List<InetSocketAddress> checked = new ArrayList<>();
        for (InetAddress address : addresses) {
            checked.add(new InetSocketAddress(InetAddress.getByAddress(name, address.getAddress()), url.port()));
        }
        return checked;
    }

    /** Tries the checked addresses in order until one accepts the connection (nothing was sent before that). */
    private Mono<Answer> exchange(Hop hop, EgressRule rule, List<InetSocketAddress> addresses, int index,
            FetchConnections connections) {
        return exchange(hop, rule, addresses.get(index), connections).onErrorResume(
                e -> index + 1 < addresses.size() && Exceptions.unwrap(e) instanceof ConnectException,
                e -> exchange(hop, rule, addresses, index + 1, connections));
    }

    private Mono<Answer> exchange(Hop hop, EgressRule rule, InetSocketAddress address, FetchConnections connections) {
        EgressUrl url = hop.url();
        HttpClient client = http.remoteAddress(() -> address).headers(h -> requestHeaders(h, hop, rule))
                .doOnConnected(connections::opened);
        if (url.scheme().equals("https")) {
            client = client.secure(spec -> {
                var ssl = spec.sslContext(sslContext)
                        .handlerConfigurator(HttpClientSecurityUtils.HOSTNAME_VERIFICATION_CONFIGURER);
                if (!url.isLiteralAddress()) {
                    ssl.serverNames(new SNIHostName(url.host()));
                }
            });
        }
        byte[] body = hop.body();
        return client.request(HttpMethod.valueOf(hop.method()))
                .uri(url.pathAndQuery())
                .send((request, out) -> body == null ? out : out.sendByteArray(Mono.just(body)))
                .responseConnection((response, connection) -> read(url, response, connection))
                .next();
    }

    /** The code's headers, then the rule's on top (they replace same-named ones), then what the client owns. */
    private static void requestHeaders(HttpHeaders h, Hop hop, EgressRule rule) {
        hop.headers().forEach(header -> h.add(header.getKey(), header.getValue()));
        rule.headers().forEach(h::set);
        h.set(HttpHeaderNames.HOST, hop.url().authority());
        if (hop.body() != null) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, hop.body().length);
        } else if (!hop.method().equals("GET") && !hop.method().equals("HEAD")) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, 0);
        }
        if (!h.contains(HttpHeaderNames.USER_AGENT)) {
            h.set(HttpHeaderNames.USER_AGENT, "Paddock");
        }
    }

    private Mono<Answer> read(EgressUrl url, HttpClientResponse response, Connection connection) {
        long max = policy.limits().maxResponseBytes();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.responseHeaders().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!DROPPED_RESPONSE_HEADERS.contains(name)) {
                headers.add(Map.entry(name, h.getValue()));
            }
        });
        String declared = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > max) {
            return Mono.error(tooLarge(url, max));
        }
        return connection.inbound().receive().asByteArray()
                .reduceWith(BodyBuffer::new, (buffer, chunk) -> {
                    if (buffer.size() + (long) chunk.length > max) {
                        throw tooLarge(url, max);
                    }
                    buffer.writeBytes(chunk);
                    return buffer;
                })
                .map(buffer -> new Answer(response.status().code(), response.status().reasonPhrase(), headers,
                        buffer.toByteArray()));
    }

    private static CapabilityException tooLarge(EgressUrl url, long max) {
        return new CapabilityException("EGRESS_LIMIT", "response from " + url + " exceeded the " + max
                + "-byte egress limit");
    }

    private static CapabilityException networkFailure(String url, Throwable error) {
        Throwable e = Exceptions.unwrap(error);
        while (e.getCause() != null && !(e instanceof SSLException) && !(e instanceof ConnectException)) {
            e = e.getCause();
        }
        String why;
        if (e instanceof ConnectException) {
            why = "could not connect (" + e.getMessage() + ")";
        } else if (e instanceof SSLException) {
            why = "TLS failed: " + e.getMessage();
        } else if (Exceptions.unwrap(error) instanceof PrematureCloseException) {
            why = "the server closed the connection before the response was complete";
        } else {
            why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new CapabilityException("EGRESS_NETWORK", "fetch to " + url + " failed: " + why);
    }

    private static SslContext defaultSslContext() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for egress", e);
        }
    }

    /** A response as read off the wire, before redirect handling. */
    private record Answer(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body) {
        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }
    }

    private static final class BodyBuffer extends java.io.ByteArrayOutputStream {}

    /** The connections one fetch opened (one per redirect hop), for closing them when it is cancelled. */
    private static final class FetchConnections {
        private final List<Connection> open = new ArrayList<>();
        private boolean closed;

        synchronized void opened(Connection connection) {
            if (closed) {
                connection.dispose();
            } else {
                open.add(connection);
            }
        }

        synchronized void closeAll() {
            closed = true;
            open.forEach(Connection::dispose);
            open.clear();
        }
    }
}
