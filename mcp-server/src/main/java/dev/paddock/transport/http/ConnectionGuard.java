package dev.paddock.transport.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServerState;

/**
 * What a connection may hold before it has sent a whole request, so that clients that open sockets and then
 * stall (slowloris) cannot starve the others: each client address has at most
 * {@link HttpSettings#maxConnectionsPerAddress()} open connections (beyond it the connection is answered 429 and
 * closed), and a connection must finish a request's headers within {@link HttpSettings#headerTimeout()} of
 * opening or of its previous answer, else it is closed. (The body has its own limit, in the transport.)
 *
 * <pre>{@code
 * HttpServer.create().doOnChannelInit(guard::admit).childObserve(guard)...
 * }</pre>
 */
final class ConnectionGuard implements ConnectionObserver {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final AttributeKey<ScheduledFuture<?>> HEADER_DEADLINE = AttributeKey.valueOf("paddock.headerDeadline");

    private final Duration headerTimeout;
    private final int maxPerAddress;
    private final Map<InetAddress, Integer> open = new HashMap<>();

    ConnectionGuard(HttpSettings settings) {
        this.headerTimeout = settings.headerTimeout();
        this.maxPerAddress = settings.maxConnectionsPerAddress();
    }

    /** A new connection: counted against its address until it closes, refused beyond the cap, timed until its headers. */
    void admit(ConnectionObserver observer, Channel channel, SocketAddress ignored) {
        startHeaderDeadline(channel);
        if (!(channel.remoteAddress() instanceof InetSocketAddress socket) || socket.getAddress() == null) return;
        InetAddress address = socket.getAddress();
        int count;
        synchronized (this) {
            count = open.merge(address, 1, Integer::sum);
        }
        channel.closeFuture().addListener(closed -> release(address));
        if (count > maxPerAddress) {
            log.debug("refusing connection {} of {} (limit {})", count, address.getHostAddress(), maxPerAddress);
            channel.pipeline().addFirst(new Refusal(maxPerAddress));
        }
    }

    private synchronized void release(InetAddress address) {
        open.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
    }

    @Override
    public void onStateChange(Connection connection, State newState) {
        if (newState == HttpServerState.REQUEST_RECEIVED) {
            stopHeaderDeadline(connection.channel());
        } else if (newState == State.DISCONNECTING && connection.channel().isActive()) {
            startHeaderDeadline(connection.channel()); // the exchange is over: a keep-alive connection waits for its next request
        }
    }

    private void startHeaderDeadline(Channel channel) {
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            log.debug("closing {}: no complete request headers within {}", channel.remoteAddress(), headerTimeout);
            channel.close();
        }, headerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = channel.attr(HEADER_DEADLINE).getAndSet(deadline);
        if (previous != null) previous.cancel(false);
    }

    private static void stopHeaderDeadline(Channel channel) {
        ScheduledFuture<?> deadline = channel.attr(HEADER_DEADLINE).getAndSet(null);
        if (deadline != null) deadline.cancel(false);
    }

    /**
     * Answers the first bytes of a refused connection with a 429 and closes it, before the HTTP codec sees
     * them: nothing of the request is parsed or kept.
     */
    private static final class Refusal extends ChannelInboundHandlerAdapter {
        private final byte[] answer;
        private boolean answered;

        Refusal(int limit) {
            String body = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"too many connections from "
                    + "this address (limit " + limit + "): close idle connections or retry later\"},\"id\":null}";
            this.answer = ("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            if (answered) return;
            answered = true;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
