package dev.paddock.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 spoken by hand over a socket, for what a well-behaved client will not do (stall, drip, hoard). */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        socket.setSoTimeout(15_000);
    }

    static RawConnection open(int port) {
        return open(port, InetAddress.getLoopbackAddress());
    }

    /**
     * Connects with a receive buffer of about {@code bytes} (set before connecting, so the kernel does not
     * grow it), for a client that stops reading and should fill up quickly.
     */
    static RawConnection withReceiveBuffer(int port, int bytes) {
        try {
            var socket = new Socket();
            socket.setReceiveBufferSize(bytes);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new RawConnection(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects from the given local address (any of 127.0.0.0/8 works on Linux), so tests can be two clients. */
    static RawConnection open(int port, InetAddress from) {
        try {
            var socket = new Socket();
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new RawConnection(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawConnection send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads up to and including the next blank line: a response's status line and headers. */
    String head() {
        var out = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b);
                if (out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Everything the server sends until it closes the connection; fails if it does not within 15 s. */
    String untilClosed() {
        var out = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0; ) out.write(b);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; it sent: " + out, e);
        } catch (IOException e) {
            // reset by the server: closed too
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
