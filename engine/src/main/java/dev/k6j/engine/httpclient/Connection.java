package dev.k6j.engine.httpclient;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

/**
 * A connection of one VU's pool to one server: HTTP/1.1 on a socket, in clear text or over TLS, or HTTP/2 over TLS
 * (ALPN chooses). Every kind is driven by the threads of its requests, with no event loop in between.
 *
 * <p>Threads: {@link #roundTrip} on the round trip's thread, which it blocks; the rest from any thread.
 */
sealed interface Connection permits SocketHttp1Connection, Http2Connection {

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
