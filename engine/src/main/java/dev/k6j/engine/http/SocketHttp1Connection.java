package dev.k6j.engine.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * HTTP/1.1 over a plain TCP socket, driven by the thread that makes the request: it writes the request and reads
 * the response itself, blocking. On a virtual thread (every VU's) a blocked read parks only that thread, and the
 * JDK's poller wakes it when bytes arrive, so a request costs no hand-over to another thread and back.
 *
 * <p>Threads: one round trip at a time, on its thread; {@link #close()} from any thread (an abort closes the socket,
 * which wakes the blocked thread with an exception).
 */
final class SocketHttp1Connection implements Connection {

    private final Socket socket;
    private final InetSocketAddress remote;
    private final Http1RequestWriter writer;
    private final Http1ResponseReader reader;
    private final TrafficCounter traffic;
    private final Consumer<SocketHttp1Connection> release;
    private volatile boolean busy;

    private SocketHttp1Connection(Socket socket, InetSocketAddress remote, TrafficCounter traffic,
                                  Consumer<SocketHttp1Connection> release) throws IOException {
        this.socket = socket;
        this.remote = remote;
        this.traffic = traffic;
        this.release = release;
        this.writer = new Http1RequestWriter(socket.getOutputStream());
        this.reader = new Http1ResponseReader(socket.getInputStream());
    }

    /**
     * Connects to {@code address}, marking the connect moments; an abort of the exchange closes the socket.
     *
     * @param release where the connection goes after a round trip that leaves it reusable
     */
    static SocketHttp1Connection open(InetSocketAddress address, Exchange exchange, int dialTimeoutMillis,
                                      TrafficCounter traffic, Consumer<SocketHttp1Connection> release)
            throws IOException {
        Socket socket = new Socket();
        exchange.abortHook(() -> closeQuietly(socket));
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            exchange.marks().connectStart = TimingMarks.now();
            socket.connect(address, dialTimeoutMillis);
            exchange.marks().connectDone = TimingMarks.now();
            return new SocketHttp1Connection(socket, address, traffic, release);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw ErrorCodes.dialTimeout();
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    @Override
    public RawResponse roundTrip(Exchange exchange) throws IOException {
        exchange.connection(this);
        busy = true;
        exchange.abortHook(this::close);
        try {
            WireRequest request = exchange.request();
            traffic.addSent(writer.write(request));
            TimingMarks marks = exchange.marks();
            marks.wroteRequest = TimingMarks.now();
            RawResponse response = reader.read(request.method().equals("HEAD"), exchange.discardBody(),
                    exchange.closeRequested(), marks);
            traffic.addReceived(reader.takeReceived());
            // From here on a late abort (a timeout firing now) must not close a connection that went back to the pool.
            exchange.abortHook(null);
            busy = false;
            if (reader.keepAlive() && !socket.isClosed()) {
                release.accept(this);
            } else {
                close();
            }
            return response;
        } catch (IOException | RuntimeException e) {
            traffic.addReceived(reader.takeReceived());
            close();
            throw e;
        }
    }

    @Override
    public boolean usable() {
        return !busy && !socket.isClosed();
    }

    @Override
    public boolean http2() {
        return false;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public SSLSession tlsSession() {
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
