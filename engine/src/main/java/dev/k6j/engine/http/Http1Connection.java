package dev.k6j.engine.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * An HTTP/1.1 connection on Netty (https, when ALPN chose HTTP/1.1): one exchange at a time. When a response is
 * complete the connection goes back to its pool (or is closed) before the exchange's result completes, so the VU's
 * next request finds it idle.
 *
 * <p>Threads: the handler runs on the channel's event loop; {@link #roundTrip} on the round trip's thread, which
 * waits for the event loop's answer.
 */
final class Http1Connection implements Connection {

    private final Channel channel;
    private final Consumer<Http1Connection> release;
    private volatile Exchange current;

    /**
     * @param channel a connected channel whose pipeline ends in an HTTP client codec
     * @param release called on the event loop when an exchange ended and the connection may be reused
     */
    Http1Connection(Channel channel, Consumer<Http1Connection> release) {
        this.channel = channel;
        this.release = release;
        channel.pipeline().addLast("k6j-exchange", new Handler());
    }

    @Override
    public RawResponse roundTrip(Exchange exchange) throws Exception {
        exchange.connection(this);
        exchange.abortHook(() -> {
            if (current == exchange || current == null) {
                channel.close();
            }
        });
        channel.eventLoop().execute(() -> {
            if (exchange.done()) {
                release.accept(this);
                return;
            }
            if (!channel.isActive()) {
                exchange.fail(new ClosedChannelException());
                return;
            }
            current = exchange;
            channel.writeAndFlush(exchange.request().toNetty()).addListener(written -> {
                if (written.isSuccess()) {
                    exchange.marks().wroteRequest = TimingMarks.now();
                } else {
                    exchange.fail(written.cause());
                    channel.close();
                }
            });
        });
        return exchange.await();
    }

    @Override
    public boolean usable() {
        return channel.isActive() && current == null;
    }

    @Override
    public boolean http2() {
        return false;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public SSLSession tlsSession() {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine().getSession();
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            Exchange exchange = current;
            if (exchange == null) {
                return;
            }
            if (exchange.read(msg)) {
                current = null;
                boolean keepAlive = exchange.keepAlive();
                if (keepAlive) {
                    release.accept(Http1Connection.this);
                } else {
                    channel.close();
                }
                exchange.complete();
            } else if (exchange.done()) {
                current = null;
                channel.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Exchange exchange = current;
            current = null;
            if (exchange != null) {
                exchange.fail(new ClosedChannelException());
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange exchange = current;
            current = null;
            if (exchange != null) {
                exchange.fail(cause);
            }
            ctx.close();
        }
    }
}
