package dev.k6j.engine.http;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

/**
 * A connection of one VU's pool to one server: HTTP/1.1 (one exchange at a time) or HTTP/2 (many streams).
 *
 * <p>Threads: {@link #send} from any thread (it hops onto the channel's event loop); the rest from any thread.
 */
sealed interface Connection permits Http1Connection, Http2Connection {

    /** Writes the exchange's request and reads its response into it. */
    void send(Exchange exchange);

    /** Whether it can take another request now. */
    boolean usable();

    /** Whether it speaks HTTP/2. */
    boolean http2();

    /** Stops an exchange early (timeout, VU stopping): closes what carries it. */
    void abort(Exchange exchange);

    /** The underlying connection's channel. */
    Channel channel();

    default void close() {
        channel().close();
    }

    /** The server's address. */
    default InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel().remoteAddress();
    }

    /** The TLS session, or {@code null} for clear text. */
    default SSLSession tlsSession() {
        SslHandler ssl = channel().pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine().getSession();
    }
}
