package dev.k6j.engine.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;

/**
 * An HTTP/2 connection (negotiated by ALPN): each exchange is a stream of its own, any number at once.
 *
 * <p>Threads: stream handlers run on the connection's event loop; {@link #roundTrip} on the round trip's thread,
 * which waits for the stream's answer; any number of round trips at once.
 */
final class Http2Connection implements Connection {

    private final Channel channel;
    private final Map<Exchange, Http2StreamChannel> streams = new ConcurrentHashMap<>();

    /** @param channel a connected channel whose pipeline ends in the HTTP/2 frame codec and multiplexer */
    Http2Connection(Channel channel) {
        this.channel = channel;
    }

    @Override
    public RawResponse roundTrip(Exchange exchange) throws Exception {
        exchange.connection(this);
        exchange.abortHook(() -> {
            Http2StreamChannel stream = streams.remove(exchange);
            if (stream != null) {
                stream.close();
            }
        });
        new Http2StreamChannelBootstrap(channel).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false));
                stream.pipeline().addLast(new StreamHandler(exchange));
            }
        }).open().addListener(opened -> {
            if (!opened.isSuccess()) {
                exchange.fail(opened.cause());
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) opened.getNow();
            if (exchange.done()) {
                stream.close();
                return;
            }
            streams.put(exchange, stream);
            if (exchange.done()) {   // stopped while the stream opened
                streams.remove(exchange);
                stream.close();
                return;
            }
            stream.writeAndFlush(exchange.request().toNetty()).addListener(written -> {
                if (written.isSuccess()) {
                    exchange.marks().wroteRequest = TimingMarks.now();
                } else {
                    exchange.fail(written.cause());
                    stream.close();
                }
            });
        });
        try {
            return exchange.await();
        } finally {
            streams.remove(exchange);
        }
    }

    @Override
    public boolean usable() {
        if (!channel.isActive()) {
            return false;
        }
        Http2FrameCodec codec = channel.pipeline().get(Http2FrameCodec.class);
        return codec != null && !codec.connection().goAwayReceived() && !codec.connection().goAwaySent();
    }

    @Override
    public boolean http2() {
        return true;
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

    private static final class StreamHandler extends SimpleChannelInboundHandler<HttpObject> {
        private final Exchange exchange;

        StreamHandler(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (exchange.read(msg)) {
                exchange.complete();
                ctx.close();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof Http2ResetFrame reset) {
                reset(reset);
                return;
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof Http2ResetFrame reset) {
                reset(reset);
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        private void reset(Http2ResetFrame reset) {
            Http2Error error = Http2Error.valueOf(reset.errorCode());
            exchange.fail(ErrorCodes.of(Http2Exception.streamError(reset.stream() == null ? 0 : reset.stream().id(),
                    error == null ? Http2Error.INTERNAL_ERROR : error, "stream reset by the server")));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            exchange.fail(new ClosedChannelException());
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            exchange.fail(cause);
            ctx.close();
        }
    }
}
