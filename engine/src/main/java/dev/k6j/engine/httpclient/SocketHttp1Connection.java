package dev.k6j.engine.httpclient;

import dev.k6j.netty.TrafficCounter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * HTTP/1.1 over a TCP socket, in clear text or over TLS ({@link TlsSocket}), driven by the thread that makes the
 * request: it writes the request and reads the response itself, blocking. On a virtual thread (every VU's) a blocked read parks only that thread, and the
 * JDK's poller wakes it when bytes arrive, so a request costs no hand-over to another thread and back.
 *
 * <p>A server may close a kept connection while it waits in the pool. Go's client notices at once (a goroutine reads
 * every connection); here a connection idle for more than a few milliseconds is probed with one non-blocking read
 * before it is used again, so a request that must not be sent twice (a POST) never goes out on a dead connection.
 *
 * <p>Threads: one round trip at a time, on its thread; {@link #close()} from any thread (an abort closes the socket,
 * which wakes the blocked thread with an exception).
 */
final class SocketHttp1Connection implements Connection {

    /** Idle for longer than this, a connection is probed before reuse; busy connections skip the system call. */
    private static final long PROBE_AFTER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final SocketChannel socket;
    private final InetSocketAddress remote;
    /** The TLS layer of an https connection, which counts the bytes on the wire itself; {@code null} for http. */
    private final TlsSocket tls;
    private final Http1RequestWriter writer;
    private final Http1ResponseReader reader;
    private final TrafficCounter traffic;
    private final Consumer<SocketHttp1Connection> release;
    private volatile boolean busy;
    private volatile long idleSince;

    private SocketHttp1Connection(SocketChannel socket, InetSocketAddress remote, TlsSocket tls,
                                  TrafficCounter traffic, Consumer<SocketHttp1Connection> release) {
        this.socket = socket;
        this.remote = remote;
        this.tls = tls;
        this.traffic = traffic;
        this.release = release;
        this.writer = new Http1RequestWriter(tls == null ? Channels.newOutputStream(socket) : tls.output());
        this.reader = new Http1ResponseReader(tls == null ? Channels.newInputStream(socket) : tls.input());
    }

    /**
     * HTTP/1.1 in clear text over a connected socket.
     *
     * @param release where the connection goes after a round trip that leaves it reusable
     */
    static SocketHttp1Connection plain(SocketChannel socket, InetSocketAddress remote, TrafficCounter traffic,
                                       Consumer<SocketHttp1Connection> release) {
        return new SocketHttp1Connection(socket, remote, null, traffic, release);
    }

    /** HTTP/1.1 over TLS (ALPN chose it, or the server chose nothing), the handshake done. */
    static SocketHttp1Connection overTls(SocketChannel socket, TlsSocket tls, InetSocketAddress remote,
                                         TrafficCounter traffic, Consumer<SocketHttp1Connection> release) {
        return new SocketHttp1Connection(socket, remote, tls, traffic, release);
    }

    @Override
    public RawResponse roundTrip(Exchange exchange) throws IOException {
        exchange.connection(this);
        busy = true;
        exchange.abortHook(this::close);
        try {
            WireRequest request = exchange.request();
            long written = writer.write(request);
            if (tls == null) {
                traffic.addSent(written);
            }
            TimingMarks marks = exchange.marks();
            marks.wroteRequest = TimingMarks.now();
            RawResponse response = reader.read(request.method().equals("HEAD"), exchange.discardBody(),
                    exchange.closeRequested(), marks);
            countReceived();
            // From here on a late abort (a timeout firing now) must not close a connection that went back to the pool.
            exchange.abortHook(null);
            busy = false;
            idleSince = System.nanoTime();
            if (reader.keepAlive() && socket.isOpen()) {
                release.accept(this);
            } else {
                close();
            }
            return response;
        } catch (IOException | RuntimeException e) {
            countReceived();
            close();
            throw e;
        }
    }

    /** What the reader read, counted when it is what the wire carried (clear text). */
    private void countReceived() {
        long received = reader.takeReceived();
        if (tls == null) {
            traffic.addReceived(received);
        }
    }

    @Override
    public boolean usable() {
        return !busy && socket.isOpen() && (System.nanoTime() - idleSince < PROBE_AFTER_IDLE_NANOS
                || (tls == null ? stillOpen() : stillOpenTls()));
    }

    /**
     * {@link #stillOpen()} for TLS: what arrived meanwhile is decrypted first, because a TLS 1.3 server may send
     * session tickets to an idle connection; only application bytes or the end make it unusable.
     */
    private boolean stillOpenTls() {
        try {
            if (tls.available() == 0) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // unusable: closed below
        }
        close();
        return false;
    }

    /**
     * Whether the server kept the connection: a non-blocking read finds nothing to read (a closed connection reads
     * the end, a server that sent something unasked is not trusted either). On a virtual thread the socket is
     * non-blocking underneath already, so switching modes costs no system call; the read costs one.
     */
    private boolean stillOpen() {
        try {
            socket.configureBlocking(false);
            int read = socket.read(ByteBuffer.allocate(1));
            socket.configureBlocking(true);
            if (read == 0) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // unusable: closed below
        }
        close();
        return false;
    }

    @Override
    public boolean http2() {
        return false;
    }

    @Override
    public void close() {
        TcpDialer.closeQuietly(socket);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public SSLSession tlsSession() {
        return tls == null ? null : tls.session();
    }
}
