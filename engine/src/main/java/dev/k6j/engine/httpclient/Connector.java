package dev.k6j.engine.httpclient;

import dev.k6j.netty.TrafficCounter;
import dev.k6j.spi.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * Opens one connection for a VU, marking the moments for the timings as it goes: the TCP connect, and for https the
 * TLS handshake and ALPN's choice between HTTP/2 and HTTP/1.1. Every connection is driven by the threads of its
 * requests ({@link SocketHttp1Connection}, {@link Http2Connection}); no event loop is involved.
 *
 * <p>Threads: {@link #connect} on the round trip's thread, which it blocks until connected (an abort of the exchange
 * closes the socket, which ends the wait).
 */
final class Connector {

    /** k6's dialer gives up connecting after 30 seconds (the request timeout may end it sooner). */
    private static final int DIAL_TIMEOUT_MILLIS = 30_000;

    private final HttpTransport transport;
    private final TlsContexts tlsContexts;
    private final TlsSettings tlsOptions;
    private final TrafficCounter traffic;

    Connector(HttpTransport transport, TlsContexts tlsContexts, TlsSettings tlsOptions, TrafficCounter traffic) {
        this.transport = transport;
        this.tlsContexts = tlsContexts;
        this.tlsOptions = tlsOptions;
        this.traffic = traffic;
    }

    /**
     * Connects to {@code address} for {@code target}, blocking.
     *
     * @param release where an HTTP/1.1 connection goes when an exchange on it ends
     */
    Connection connect(Target target, InetSocketAddress address, Exchange exchange,
                       Consumer<Connection> release) throws IOException {
        SslContext tlsContext = target.tls() ? tlsContexts.forHost(tlsOptions, target.host()) : null;
        SocketChannel socket = TcpDialer.dial(address, exchange, DIAL_TIMEOUT_MILLIS);
        if (tlsContext == null) {
            return SocketHttp1Connection.plain(socket, address, traffic, release::accept);
        }
        try {
            TimingMarks marks = exchange.marks();
            marks.tlsStart = TimingMarks.now();
            // The host name goes into SNI and the certificate check (an IP address is checked, not sent as SNI).
            SSLEngine engine = tlsContext.newEngine(ByteBufAllocator.DEFAULT, target.host(), target.port());
            TlsSocket tls = new TlsSocket(socket, engine, traffic);
            tls.handshake();
            marks.tlsDone = TimingMarks.now();
            if (tls.applicationProtocol().equals("h2")) {
                return Http2Connection.start(socket, tls, address, transport);
            }
            return SocketHttp1Connection.overTls(socket, tls, address, traffic, release::accept);
        } catch (IOException | RuntimeException e) {
            TcpDialer.closeQuietly(socket);
            throw e;
        }
    }
}
