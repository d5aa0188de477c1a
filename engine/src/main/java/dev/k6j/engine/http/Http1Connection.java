package dev.k6j.engine.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;

/**
 * An HTTP/1.1 connection: one exchange at a time. When a response is complete the connection goes back to its
 * pool (or is closed) before the exchange's result completes, so the VU's next request finds it idle.
 *
 * <p>Threads: the handler runs on the channel's event loop; {@link #send} from any thread.
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
    public void send(Exchange exchange) {
        exchange.connection(this);
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
            channel.writeAndFlush(exchange.request()).addListener(written -> {
                if (written.isSuccess()) {
                    exchange.marks().wroteRequest = TimingMarks.now();
                } else {
                    exchange.fail(written.cause());
                    channel.close();
                }
            });
        });
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
    public void abort(Exchange exchange) {
        if (current == exchange || current == null) {
            channel.close();
        }
    }

    @Override
    public Channel channel() {
        return channel;
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
