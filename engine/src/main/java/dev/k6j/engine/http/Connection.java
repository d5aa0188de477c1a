package dev.k6j.engine.http;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

/**
 * A connection of one VU's pool to one server: HTTP/1.1 on a plain socket (the common case, run by the round trip's
 * own thread), or, for https, HTTP/1.1 or HTTP/2 on Netty (chosen by ALPN).
 *
 * <p>Threads: {@link #roundTrip} on the round trip's thread, which it blocks; the rest from any thread.
 */
sealed interface Connection permits SocketHttp1Connection, Http1Connection, Http2Connection {

    /**
     * Sends the exchange's request and reads its response, blocking the calling thread. An HTTP/1.1 connection goes
     * back to its pool (or is closed) before this returns, so the VU's next request finds it idle.
     *
     * @throws Exception what the I/O failed with, or the exchange's {@link Exchange#failure() failure} when it was
     *                   stopped; an interrupt of the calling thread (the VU stopping) stops it too
     */
    RawResponse roundTrip(Exchange exchange) throws Exception;

    /** Whether it can take another request now. */
    boolean usable();

    /** Whether it speaks HTTP/2. */
    boolean http2();

    void close();

    /** The server's address. */
    InetSocketAddress remoteAddress();

    /** The TLS session, or {@code null} for clear text. */
    SSLSession tlsSession();
}
