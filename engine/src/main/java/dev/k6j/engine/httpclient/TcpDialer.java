package dev.k6j.engine.httpclient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Opens the TCP connection under every HTTP connection: a blocking {@link SocketChannel} (on a virtual thread a wait
 * parks only that thread), with Go's dialer options, marking the connect moments. Stateless.
 */
final class TcpDialer {

    private TcpDialer() {
    }

    /**
     * Connects to {@code address}, blocking; an abort of the exchange closes the socket, which ends the wait.
     *
     * @throws HttpError   a dial timeout after {@code timeoutMillis}
     * @throws IOException what the connect failed with (refused, unreachable)
     */
    static SocketChannel dial(InetSocketAddress address, Exchange exchange, int timeoutMillis) throws IOException {
        SocketChannel socket = SocketChannel.open();
        exchange.abortHook(() -> closeQuietly(socket));
        try {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            socket.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            exchange.marks().connectStart = TimingMarks.now();
            socket.socket().connect(address, timeoutMillis);
            exchange.marks().connectDone = TimingMarks.now();
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw ErrorCodes.dialTimeout();
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
