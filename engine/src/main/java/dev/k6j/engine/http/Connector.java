package dev.k6j.engine.http;

import dev.k6j.spi.TlsSettings;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Opens one connection for a VU, marking the moments for the timings as it goes: for http a plain socket that the
 * round trip's thread drives itself; for https a Netty channel (TCP connect, TLS handshake, ALPN's choice between
 * HTTP/2 and HTTP/1.1).
 *
 * <p>Threads: {@link #connect} on the round trip's thread, which it blocks until connected; the Netty part happens
 * on the new channel's event loop.
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
     * Connects to {@code address} for {@code target}, blocking; an abort of the exchange stops it.
     *
     * @param release where an HTTP/1.1 connection goes when an exchange on it ends
     */
    Connection connect(Target target, InetSocketAddress address, Exchange exchange,
                       Consumer<Connection> release) throws Exception {
        if (!target.tls()) {
            return SocketHttp1Connection.open(address, exchange, DIAL_TIMEOUT_MILLIS, traffic, release::accept);
        }
        CompletableFuture<Connection> connecting = connectTls(target, address, exchange.marks(), release::accept);
        exchange.abortHook(() -> connecting.completeExceptionally(exchange.failure()));
        try {
            return connecting.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            connecting.cancel(false);
            throw e;
        }
    }

    private CompletableFuture<Connection> connectTls(Target target, InetSocketAddress address, TimingMarks marks,
                                                     Consumer<Http1Connection> release) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        SslContext tls;
        try {
            tls = tlsContexts.forHost(tlsOptions, target.host());
        } catch (HttpError e) {
            result.completeExceptionally(e);
            return result;
        }
        marks.connectStart = TimingMarks.now();
        ChannelFuture connecting = transport.bootstrap()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, DIAL_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("k6j-traffic", traffic.handler());
                        String sni = NetUtil.isValidIpV4Address(target.host())
                                || NetUtil.isValidIpV6Address(target.host()) ? null : target.host();
                        SslHandler ssl = sni == null ? tls.newHandler(channel.alloc(), target.host(), target.port())
                                : tls.newHandler(channel.alloc(), sni, target.port());
                        ssl.setHandshakeTimeoutMillis(0);
                        channel.pipeline().addLast("k6j-tls", ssl);
                        channel.pipeline().addLast(new Negotiator(marks, result, release));
                    }
                })
                .connect(address);
        result.whenComplete((connection, failure) -> {
            if (failure != null) {
                connecting.cancel(false);
                connecting.channel().close();
            }
        });
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(connected.cause());
                return;
            }
            long now = TimingMarks.now();
            marks.connectDone = now;
            marks.tlsStart = now;
        });
        return result;
    }

    /** After the handshake: HTTP/2 or HTTP/1.1 as the server chose. */
    private static final class Negotiator extends ApplicationProtocolNegotiationHandler {
        private final TimingMarks marks;
        private final CompletableFuture<Connection> result;
        private final Consumer<Http1Connection> release;

        Negotiator(TimingMarks marks, CompletableFuture<Connection> result, Consumer<Http1Connection> release) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.marks = marks;
            this.result = result;
            this.release = release;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            marks.tlsDone = TimingMarks.now();
            Channel channel = ctx.channel();
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                channel.pipeline().addLast("k6j-http2", Http2FrameCodecBuilder.forClient()
                        .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                        .validateHeaders(false)
                        .build());
                channel.pipeline().addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                result.complete(new Http2Connection(channel));
            } else {
                channel.pipeline().addLast("k6j-http1", new HttpClientCodec());
                result.complete(new Http1Connection(channel, release));
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }
    }
}
