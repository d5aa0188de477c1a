package dev.k6j.testbed;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;

/**
 * Sets up one accepted connection: HTTP/1.1 in clear text, or TLS then HTTP/2 or HTTP/1.1 as ALPN chose. Both
 * protocols end in the same {@link EndpointHandler}, fed whole requests.
 */
final class ServerChannelInitializer extends ChannelInitializer<Channel> {

    static final int MAX_BODY = 64 * 1024 * 1024;

    private final SslContext tls;

    ServerChannelInitializer(SslContext tls) {
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (tls == null) {
            http1(channel.pipeline(), "HTTP/1.1", "http");
            return;
        }
        channel.pipeline().addLast(tls.newHandler(channel.alloc()));
        channel.pipeline().addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    http2(ctx.pipeline());
                } else {
                    http1(ctx.pipeline(), "HTTP/1.1", "https");
                }
            }
        });
    }

    private static void http1(ChannelPipeline pipeline, String proto, String scheme) {
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpServerKeepAliveHandler());
        pipeline.addLast(new HttpObjectAggregator(MAX_BODY));
        pipeline.addLast(new EndpointHandler(proto, scheme));
    }

    private static void http2(ChannelPipeline pipeline) {
        pipeline.addLast(Http2FrameCodecBuilder.forServer().build());
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel stream) {
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
                stream.pipeline().addLast(new HttpObjectAggregator(MAX_BODY));
                stream.pipeline().addLast(new EndpointHandler("HTTP/2.0", "https"));
            }
        }));
    }
}
